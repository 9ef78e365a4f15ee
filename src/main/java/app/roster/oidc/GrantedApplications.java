package app.roster.oidc;

import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/** The applications a user signed in to through Roster, as their profile lists them: only their own. */
@Component
public class GrantedApplications {

    private final Grants grants;
    private final RegisteredClientRepository clients;

    GrantedApplications(Grants grants, RegisteredClientRepository clients) {
        this.grants = grants;
        this.clients = clients;
    }

    /** One application: what it may see ({@code openid} left out: it says nothing) and its last token. */
    public record GrantedApplication(OidcClient client, Set<String> scopes, Instant lastTokenAt) {
    }

    public List<GrantedApplication> of(Actor actor) {
        long userId = userOf(actor);
        return grants.ofUser(userId).stream().map(granted -> {
            var client = clients.findById(granted.registeredClientId());
            if (client == null) {
                return null;
            }
            Set<String> scopes = new java.util.LinkedHashSet<>(granted.scopes());
            scopes.remove("openid");
            return new GrantedApplication(OidcClient.of(client), scopes, granted.lastTokenAt());
        }).filter(Objects::nonNull).toList();
    }

    /** The user acting for themselves; staff, keys and tokens do not read a user's grants here. */
    static long userOf(Actor actor) {
        return switch (actor) {
            case Actor.User user -> user.userId();
            case Actor.Member member -> member.userId();
            default -> throw Refusal.forbidden("error.403.body");
        };
    }
}
