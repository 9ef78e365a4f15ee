package app.roster.user;

/**
 * A module above this one that still needs a user, such as their memberships. Staff may delete a login only
 * when no guard keeps it. Asked after the user's row is locked, so what it reads cannot change meanwhile.
 */
public interface DeletionGuard {

    /** Whether this module still holds the user. */
    boolean keeps(long userId);
}
