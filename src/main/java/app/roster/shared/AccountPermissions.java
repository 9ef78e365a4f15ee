package app.roster.shared;

/**
 * The one permission check of the use cases of features that cannot see memberships themselves (accounts,
 * contacts); the membership module answers it from the live permissions, read fresh on every call.
 */
public interface AccountPermissions {

    /**
     * For a change: a member of the account needs {@code permission} (the owner holds every one), staff must be
     * Administrators. A member acting on another account's id is refused {@link Refusal.Kind#NOT_FOUND}, like a
     * missing id (rule 4); a member without the permission and Support staff {@link Refusal.Kind#FORBIDDEN}.
     */
    void requireToChange(Actor actor, long accountId, String permission);

    /** Like {@link #requireToChange}, but only the account's owner among its users. */
    void requireOwner(Actor actor, long accountId);
}
