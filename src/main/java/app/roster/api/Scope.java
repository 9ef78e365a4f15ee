package app.roster.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API credential may call, route by route. A platform API key carries the scopes it was created with; a
 * personal access token is granted them from its effective permissions (see the credential module).
 */
public enum Scope {
    ACCOUNTS_READ("accounts:read"),
    ACCOUNTS_WRITE("accounts:write"),
    USERS_READ("users:read"),
    USERS_WRITE("users:write"),
    MEMBERS_READ("members:read"),
    MEMBERS_WRITE("members:write"),
    INVITATIONS_READ("invitations:read"),
    INVITATIONS_WRITE("invitations:write"),
    CONTACTS_READ("contacts:read"),
    CONTACTS_WRITE("contacts:write"),
    AUDIT_READ("audit:read"),
    /** Registering OpenID Connect applications (clients): Administrators' work, so platform API keys only. */
    APPLICATIONS_WRITE("applications:write"),
    WEBHOOKS_WRITE("webhooks:write");

    private final String key;

    Scope(String key) {
        this.key = key;
    }

    /** As credentials, pages and the OpenAPI document spell it: {@code members:read}. */
    public String key() {
        return key;
    }

    public static Optional<Scope> of(String key) {
        return Arrays.stream(values()).filter(scope -> scope.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
