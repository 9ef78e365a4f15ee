package app.roster.oidc;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user revokes what they granted an application: every sign-in of theirs to it ends (its refresh tokens fail
 * with {@code invalid_grant}, introspection answers {@code active: false}) and their consent is forgotten, so a
 * third-party application asks again next time. An application the user granted nothing answers 404, like one
 * that does not exist, whoever else uses it.
 */
@Service
public class RevokeGrant {

    private final RegisteredClientRepository clients;
    private final Grants grants;
    private final ApplicationEventPublisher events;

    RevokeGrant(RegisteredClientRepository clients, Grants grants, ApplicationEventPublisher events) {
        this.clients = clients;
        this.grants = grants;
        this.events = events;
    }

    /** By the application's client id, as the profile's links name it. */
    @Transactional
    public void revoke(Actor actor, String clientId) {
        long userId = GrantedApplications.userOf(actor);
        RegisteredClient client = clientId == null || clientId.length() > 100 ? null : clients.findByClientId(clientId);
        if (client == null || grants.endForUser(userId, client.getId()) == 0) {
            throw new NotFound();
        }
        events.publishEvent(new OidcEvents.GrantRevoked(userId, client.getClientId(), client.getClientName(), actor));
    }
}
