package app.roster.shared;

import java.util.Set;

/**
 * The client account selected for this session, as checked against the database on this very request:
 * a controller that declares it as a parameter acts only on this account. The user's email is the one they
 * signed in with, which the audit trail names them by.
 */
public record CurrentAccount(long accountId, String accountName, long userId, boolean owner, Set<String> permissions,
        String userEmail) {

    /** The signed-in user acting in this account, as the use cases take it. */
    public Actor actor() {
        return new Actor.Member(userId, accountId, userEmail);
    }

    public boolean may(String permission) {
        return owner || permissions.contains(permission);
    }

    /** Throws {@link PermissionDenied} (403, a friendly page) unless the user holds the permission here. */
    public void require(String permission) {
        if (!may(permission)) {
            throw new PermissionDenied(permission);
        }
    }

    /** The current user lacks a permission in their own account: 403, not 404. */
    public static class PermissionDenied extends Refusal {
        public PermissionDenied(String permission) {
            super(Kind.FORBIDDEN, "error.403.body", null, permission);
        }
    }

    /** No account is selected (or the selected one is no longer the user's): go to the chooser. */
    public static class NoneSelected extends RuntimeException {
        public NoneSelected() {
            super("No account selected", null, false, false);
        }
    }
}
