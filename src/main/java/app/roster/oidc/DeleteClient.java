package app.roster.oidc;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator deletes a registered client with every grant and consent of it: no refresh token of it works
 * again, introspection answers {@code active: false}, and its secret no longer authenticates. An access token
 * already issued still verifies by its signature until it expires (minutes), as every self-contained token does.
 */
// Named apart from admin.DeleteClient (a client account), which holds the default bean name.
@Service("deleteOidcClient")
public class DeleteClient {

    private final OidcClients clients;
    private final Grants grants;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DeleteClient(OidcClients clients, Grants grants, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.clients = clients;
        this.grants = grants;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public void delete(Actor actor, String id) {
        StaffOnly.requireAdministrator(actor);
        OidcClient client = clients.byId(id).orElseThrow(NotFound::new);
        int ended = grants.endForClient(client.id());
        // Spring Authorization Server's repository has no delete.
        if (jdbc.sql("DELETE FROM oauth2_registered_client WHERE id = ?").param(client.id()).update() == 1) {
            events.publishEvent(new OidcEvents.ClientDeleted(client.clientId(), client.name(), ended, actor));
        }
    }
}
