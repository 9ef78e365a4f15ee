package app.roster.oidc;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A registered client as Roster shows it. Spring Authorization Server's {@link RegisteredClient} holds it; what
 * OpenID Connect has no field for lives in its client settings under {@code roster.*}.
 */
public record OidcClient(String id, String clientId, String name, boolean confidential, boolean firstParty,
        String logoUri, Set<String> redirectUris, Set<String> postLogoutRedirectUris, String backChannelLogoutUri,
        Set<String> scopes, Set<String> grantTypes, Set<String> permissions, Instant issuedAt,
        Instant previousSecretUntil) {

    /** The scopes a client may be allowed, in the order the Admin Area offers them. */
    public static final java.util.List<String> SCOPES = java.util.List.of("openid", "profile", "email", "account",
            "accounts");
    static final String ACCOUNT_SCOPE = "account";
    static final String ACCOUNTS_SCOPE = "accounts";
    static final String FIRST_PARTY = "roster.first-party";
    static final String LOGO_URI = "roster.logo-uri";
    static final String BACK_CHANNEL_LOGOUT_URI = "roster.backchannel-logout-uri";
    static final String PERMISSIONS = "roster.permissions";

    static OidcClient of(RegisteredClient client) {
        var settings = client.getClientSettings().getSettings();
        return new OidcClient(client.getId(), client.getClientId(), client.getClientName(),
                !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE),
                Boolean.TRUE.equals(settings.get(FIRST_PARTY)), (String) settings.get(LOGO_URI),
                Set.copyOf(client.getRedirectUris()), Set.copyOf(client.getPostLogoutRedirectUris()),
                (String) settings.get(BACK_CHANNEL_LOGOUT_URI), Set.copyOf(client.getScopes()),
                client.getAuthorizationGrantTypes().stream().map(type -> type.getValue())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                permissionsOf(client), client.getClientIdIssuedAt(), ClientSecrets.graceEnd(client.getClientSecret()));
    }

    /** Signs users in (authorization code with PKCE, and refresh tokens). */
    public boolean signsUsersIn() {
        return grantTypes.contains("authorization_code");
    }

    public boolean clientCredentials() {
        return grantTypes.contains("client_credentials");
    }

    /** The permissions a client asked to receive; empty: every permission the user holds. */
    static Set<String> permissionsOf(RegisteredClient client) {
        if (client == null || !(client.getClientSettings().getSettings().get(PERMISSIONS) instanceof String list)
                || list.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(list.split(",")));
    }
}
