package app.roster.oidc;

import app.roster.user.SessionsEnded;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * When a user's Roster sessions end, so do the grants of the applications they signed in to through them: the
 * authorizations go (a refresh token of theirs fails from now on), and every such client that registered a
 * back-channel logout URI gets a logout token, queued in the same transaction ({@link LogoutOutbox}) and posted
 * later by {@link LogoutSender}. One ended session reaches the authorizations whose ID token carries its
 * {@code sid}, and the token names it; the end of every session reaches all of the user's authorizations, and the
 * token names only the user, so the client ends all of its sessions of that user.
 */
@Component
class BackChannelLogout {

    private final JdbcClient jdbc;
    private final OAuth2AuthorizationService authorizations;
    private final RegisteredClientRepository clients;
    private final LogoutOutbox outbox;

    BackChannelLogout(JdbcClient jdbc, OAuth2AuthorizationService authorizations, RegisteredClientRepository clients,
            LogoutOutbox outbox) {
        this.jdbc = jdbc;
        this.authorizations = authorizations;
        this.clients = clients;
        this.outbox = outbox;
    }

    @EventListener
    void on(SessionsEnded ended) {
        String subject = String.valueOf(ended.userId());
        String sid = ended.everywhere() ? null : Sid.of(ended.sessionId());
        Map<String, RegisteredClient> toTell = new LinkedHashMap<>();
        for (String id : jdbc.sql("SELECT id FROM oauth2_authorization WHERE principal_name = ? ORDER BY id")
                .param(subject).query(String.class).list()) {
            OAuth2Authorization authorization = authorizations.findById(id);
            if (authorization == null || sid != null && !sid.equals(sidOf(authorization))) {
                continue;
            }
            authorizations.remove(authorization);
            RegisteredClient client = clients.findById(authorization.getRegisteredClientId());
            if (client != null && OidcClient.of(client).backChannelLogoutUri() != null) {
                toTell.putIfAbsent(client.getId(), client);
            }
        }
        toTell.values().forEach(client ->
                outbox.enqueue(client.getClientId(), OidcClient.of(client).backChannelLogoutUri(), subject, sid));
    }

    private static String sidOf(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
        return idToken == null ? null : Objects.toString(idToken.getClaims() == null ? null
                : idToken.getClaims().get("sid"), null);
    }
}
