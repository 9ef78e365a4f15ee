package app.roster.api;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by its bearer credential: the caller is the principal, never a session. */
final class ApiAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "ROLE_API";

    private final ApiCaller caller;

    ApiAuthentication(ApiCaller caller) {
        super(List.of(new SimpleGrantedAuthority(ROLE)));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ApiCaller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        return caller.actorType().name().toLowerCase(java.util.Locale.ROOT) + ":" + caller.actorId();
    }
}
