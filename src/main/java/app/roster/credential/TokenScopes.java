package app.roster.credential;

import app.roster.api.Scope;
import app.roster.membership.PermissionCatalogue;
import java.util.EnumSet;
import java.util.Set;

/**
 * The API scopes a personal access token is granted, from its effective permissions (the token's own ∩ its
 * user's live ones). Reading members is always granted, since a token may read its own user's membership; the
 * read itself still asks for {@code users} for anyone else. A token never reaches the users directory or the
 * audit trail: those are staff-level.
 */
final class TokenScopes {

    private TokenScopes() {
    }

    static Set<Scope> of(Set<String> effectivePermissions) {
        Set<Scope> scopes = EnumSet.of(Scope.MEMBERS_READ);
        if (effectivePermissions.contains(PermissionCatalogue.USERS)) {
            scopes.addAll(EnumSet.of(Scope.MEMBERS_WRITE, Scope.INVITATIONS_READ, Scope.INVITATIONS_WRITE));
        }
        if (effectivePermissions.contains(PermissionCatalogue.CONTACTS)) {
            scopes.addAll(EnumSet.of(Scope.CONTACTS_READ, Scope.CONTACTS_WRITE));
        }
        if (effectivePermissions.contains(PermissionCatalogue.PROFILE)) {
            scopes.addAll(EnumSet.of(Scope.ACCOUNTS_READ, Scope.ACCOUNTS_WRITE));
        }
        return scopes;
    }
}
