package app.roster.oidc;

import app.roster.membership.PermissionCatalogue;
import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator registers an application that signs users in through Roster. A confidential client gets a
 * secret, answered once and stored hashed; a public one (a single-page or mobile application) gets none and must
 * use PKCE, and may not use the client credentials grant. Redirect URIs are matched exactly; only https ones,
 * or http on the loopback (for development). Refresh tokens rotate on every use.
 */
@Service
public class RegisterClient {

    private final RegisteredClientRepository clients;
    private final PermissionCatalogue catalogue;
    private final OidcSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegisterClient(RegisteredClientRepository clients, PermissionCatalogue catalogue, OidcSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What to register. {@code scopes} among openid, profile, email, account, accounts; {@code permissions} the
     * permissions the client may receive in the account claims (empty: all the user holds).
     */
    public record NewClient(String name, boolean confidential, boolean firstParty, String logoUri,
            Set<String> redirectUris, Set<String> postLogoutRedirectUris, String backChannelLogoutUri,
            Set<String> scopes, boolean clientCredentials, Set<String> permissions) {
    }

    /** The registered client, and its secret (null for a public client), shown once. */
    public record Registered(OidcClient client, String secret) {
        @Override
        public String toString() {
            return "Registered[" + client.clientId() + ", secret redacted]";
        }
    }

    @Transactional
    public Registered register(Actor actor, NewClient request) {
        StaffOnly.requireAdministrator(actor);
        String name = requireName(request.name());
        Set<String> scopes = requireScopes(request.scopes());
        Set<String> redirects = uris(request.redirectUris(), "redirectUris");
        if (redirects.isEmpty() && !request.clientCredentials()) {
            throw new ClientRefused("redirectUris", "oidc.error.redirectUris");
        }
        if (request.clientCredentials() && !request.confidential()) {
            throw new ClientRefused("clientCredentials", "oidc.error.publicClientCredentials");
        }
        Set<String> postLogout = uris(request.postLogoutRedirectUris(), "postLogoutRedirectUris");
        String backChannel = optionalUri(request.backChannelLogoutUri(), "backChannelLogoutUri");
        String logo = optionalUri(request.logoUri(), "logoUri");
        Set<String> permissions = catalogue.requireKnown(request.permissions() == null ? Set.of() : request.permissions());

        String secret = request.confidential() ? ClientSecrets.generate() : null;
        RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId("roster_ci_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20))
                .clientIdIssuedAt(clock.instant())
                .clientName(name)
                .redirectUris(uris -> uris.addAll(redirects))
                .postLogoutRedirectUris(uris -> uris.addAll(postLogout))
                .scopes(all -> all.addAll(scopes))
                .clientSettings(clientSettings(request, logo, backChannel, permissions))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .authorizationCodeTimeToLive(settings.authorizationCodeTtl())
                        .refreshTokenTimeToLive(settings.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build());
        if (!redirects.isEmpty()) {
            client.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
        }
        if (request.clientCredentials()) {
            client.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        }
        if (secret != null) {
            client.clientSecret(ClientSecrets.hash(secret))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        } else {
            client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        RegisteredClient registered = client.build();
        clients.save(registered);
        OidcClient result = OidcClient.of(registered);
        events.publishEvent(new OidcEvents.ClientRegistered(result, actor));
        return new Registered(result, secret);
    }

    private static ClientSettings clientSettings(NewClient request, String logo, String backChannel,
            Set<String> permissions) {
        ClientSettings.Builder builder = ClientSettings.builder()
                // PKCE: mandatory for public clients, and Roster asks it of confidential ones too.
                .requireProofKey(true)
                .requireAuthorizationConsent(!request.firstParty())
                .setting(OidcClient.FIRST_PARTY, request.firstParty())
                .setting(OidcClient.PERMISSIONS, String.join(",", permissions));
        if (logo != null) {
            builder.setting(OidcClient.LOGO_URI, logo);
        }
        if (backChannel != null) {
            builder.setting(OidcClient.BACK_CHANNEL_LOGOUT_URI, backChannel);
        }
        return builder.build();
    }

    static String requireName(String given) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new ClientRefused("name", "oidc.error.name");
        }
        return name;
    }

    static Set<String> requireScopes(Set<String> given) {
        Set<String> scopes = new LinkedHashSet<>(given == null ? Set.of() : given);
        if (!AuthorizationServerSecurity.scopes().containsAll(scopes)) {
            throw new ClientRefused("scopes", "oidc.error.scopes");
        }
        return scopes;
    }

    static Set<String> uris(Set<String> given, String field) {
        Set<String> uris = new LinkedHashSet<>();
        for (String uri : given == null ? Set.<String>of() : given) {
            if (!uri.isBlank()) {
                uris.add(requireUri(uri.strip(), field));
            }
        }
        return uris;
    }

    static String optionalUri(String given, String field) {
        return given == null || given.isBlank() ? null : requireUri(given.strip(), field);
    }

    /** Absolute, no fragment, https, or http on the loopback only. */
    static String requireUri(String text, String field) {
        try {
            URI uri = new URI(text);
            boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost())
                    || "[::1]".equals(uri.getHost());
            boolean scheme = "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getFragment() != null || !scheme
                    || text.length() > 500) {
                throw new ClientRefused(field, "oidc.error.uri", text);
            }
            return text;
        } catch (URISyntaxException e) {
            throw new ClientRefused(field, "oidc.error.uri", text);
        }
    }

    /** A client that cannot be registered as asked; the message key says why, next to its field. */
    public static class ClientRefused extends Refusal {
        public ClientRefused(String field, String messageKey, Object... arguments) {
            super(Kind.INVALID, messageKey, field, arguments);
        }
    }
}
