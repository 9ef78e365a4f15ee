package app.roster.credential;

import app.roster.api.Scope;
import app.roster.membership.AccountAccess;
import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An Administrator creates a platform API key; its secret is answered once and only its hash is kept. */
@Service
public class CreateApiKey {

    static final int MAX_NAME = 100;

    private final ApiKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreateApiKey(ApiKeys keys, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What to create: a name, at least one scope, an optional expiry (in the future) and the client addresses or
     * CIDR ranges it may be used from, as typed (empty: any).
     */
    public record NewApiKey(String name, Set<String> scopes, Instant expiresAt, String allowedSources) {
    }

    /**
     * Only a staff Administrator: not Support, and not an API key (a leaked key must not mint itself successors).
     * A field the key cannot be made with is a {@link CredentialRefused} naming it.
     */
    @Transactional
    public IssuedSecret create(Actor actor, NewApiKey request) {
        if (!(actor instanceof Actor.Staff staff)) {
            throw Refusal.forbidden("error.403.administratorsOnly");
        }
        AccountAccess.requireAdministrator(staff);
        String name = CreatePersonalToken.requireName(request.name());
        Set<String> scopes = requireScopes(request.scopes());
        Instant now = clock.instant();
        CreatePersonalToken.requireFuture(request.expiresAt(), now);
        SourceAddresses sources = SourceAddresses.parse(request.allowedSources())
                .orElseThrow(() -> new CredentialRefused("allowedSources", "credential.error.sources"));
        Credential credential = Credential.generate(Credential.Kind.API_KEY);
        long id = keys.insert(credential, name, scopes, sources, request.expiresAt(), staff.staffId(), staff.name(), now);
        events.publishEvent(new CredentialEvents.ApiKeyCreated(id, name, scopes, request.expiresAt(), sources,
                actor));
        return new IssuedSecret(id, credential.text());
    }

    /** Known scopes only, in the catalogue's order. */
    private static Set<String> requireScopes(Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new CredentialRefused("scopes", "credential.error.scopes");
        }
        Set<String> scopes = new LinkedHashSet<>();
        Arrays.stream(Scope.values()).map(Scope::key).filter(requested::contains).forEach(scopes::add);
        if (scopes.size() != requested.size()) {
            throw new CredentialRefused("scopes", "credential.error.scopes");
        }
        return scopes;
    }
}
