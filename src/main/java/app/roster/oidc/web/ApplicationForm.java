package app.roster.oidc.web;

import app.roster.oidc.OidcClient;
import app.roster.oidc.RegisterClient;
import app.roster.oidc.RegisterClient.ClientRefused;
import app.roster.oidc.UpdateClient;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Register application" and "Edit application" as typed: URIs one per line, the type and the party as radio
 * buttons, grant types, scopes and permissions as ticked boxes. Editing keeps the type and the grant types.
 */
record ApplicationForm(String name, String logoUri, String redirectUris, String postLogoutRedirectUris,
        String backChannelLogoutUri, String type, List<String> grantTypes, List<String> scopes, String party,
        List<String> permissions) {

    static final String AUTHORIZATION_CODE = "authorization_code";
    static final String CLIENT_CREDENTIALS = "client_credentials";
    static final List<String> GRANT_TYPES = List.of(AUTHORIZATION_CODE, CLIENT_CREDENTIALS);

    static ApplicationForm empty() {
        return new ApplicationForm("", "", "", "", "", "confidential", List.of(AUTHORIZATION_CODE),
                List.of("openid", "profile", "email", "account"), "third", List.of());
    }

    static ApplicationForm of(OidcClient client) {
        return new ApplicationForm(client.name(), text(client.logoUri()), lines(client.redirectUris()),
                lines(client.postLogoutRedirectUris()), text(client.backChannelLogoutUri()),
                client.confidential() ? "confidential" : "public",
                GRANT_TYPES.stream().filter(client.grantTypes()::contains).toList(), List.copyOf(client.scopes()),
                client.firstParty() ? "first" : "third", List.copyOf(client.permissions()));
    }

    public List<String> tickedGrantTypes() {
        return grantTypes == null ? List.of() : grantTypes;
    }

    public List<String> tickedScopes() {
        return scopes == null ? List.of() : scopes;
    }

    public List<String> tickedPermissions() {
        return permissions == null ? List.of() : permissions;
    }

    public boolean firstParty() {
        return "first".equals(party);
    }

    RegisterClient.NewClient toNewClient() {
        List<String> grants = tickedGrantTypes();
        if (grants.isEmpty()) {
            throw new ClientRefused("grantTypes", "oidc.error.grantTypes");
        }
        boolean signsIn = grants.contains(AUTHORIZATION_CODE);
        return new RegisterClient.NewClient(name, !"public".equals(type), firstParty(), logoUri,
                signsIn ? split(redirectUris) : Set.of(), split(postLogoutRedirectUris), backChannelLogoutUri,
                new LinkedHashSet<>(tickedScopes()), grants.contains(CLIENT_CREDENTIALS),
                new LinkedHashSet<>(tickedPermissions()));
    }

    UpdateClient.Changes toChanges() {
        return new UpdateClient.Changes(name, logoUri, split(redirectUris), split(postLogoutRedirectUris),
                backChannelLogoutUri, new LinkedHashSet<>(tickedScopes()), firstParty(),
                new LinkedHashSet<>(tickedPermissions()));
    }

    /** One URI a line (or separated by spaces), blank ones left out. */
    static Set<String> split(String text) {
        Set<String> values = new LinkedHashSet<>();
        if (text != null) {
            Arrays.stream(text.split("\\s+")).filter(value -> !value.isBlank()).forEach(values::add);
        }
        return values;
    }

    private static String lines(Set<String> values) {
        return String.join("\n", values.stream().sorted().toList());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
