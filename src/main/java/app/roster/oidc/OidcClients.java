package app.roster.oidc;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Page;
import app.roster.shared.StaffOnly;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/** The registered clients as staff read them: a page at a time by name, or one by its id. */
@Component
public class OidcClients {

    private final RegisteredClientRepository clients;
    private final JdbcClient jdbc;

    OidcClients(RegisteredClientRepository clients, JdbcClient jdbc) {
        this.clients = clients;
        this.jdbc = jdbc;
    }

    /** One page of the clients, by name; a number past the last page shows the last one. */
    public Page<OidcClient> list(Actor actor, Page.Request asked) {
        StaffOnly.requireStaff(actor);
        long total = jdbc.sql("SELECT COUNT(*) FROM oauth2_registered_client").query(Long.class).single();
        Page.Request request = asked.within(total);
        List<String> ids = jdbc.sql("SELECT id FROM oauth2_registered_client ORDER BY client_name, id LIMIT ? OFFSET ?")
                .params(request.size(), request.offset()).query(String.class).list();
        // Spring Authorization Server reads a client's settings; a page holds few clients.
        List<OidcClient> page = ids.stream().map(clients::findById).filter(Objects::nonNull).map(OidcClient::of)
                .toList();
        return request.of(page, total);
    }

    /** A client by its client id; an unknown one is not found. */
    public OidcClient find(Actor actor, OidcClientId clientId) {
        StaffOnly.requireStaff(actor);
        return Optional.ofNullable(clients.findByClientId(clientId.value())).map(OidcClient::of)
                .orElseThrow(NotFound::new);
    }

    /** A client by its id (the row's, not its client id); an unknown one is not found. */
    public OidcClient find(Actor actor, String id) {
        StaffOnly.requireStaff(actor);
        return byId(id).orElseThrow(NotFound::new);
    }

    Optional<OidcClient> byId(String id) {
        return id == null || id.length() > 100 ? Optional.empty()
                : Optional.ofNullable(clients.findById(id)).map(OidcClient::of);
    }
}
