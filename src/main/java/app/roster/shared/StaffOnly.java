package app.roster.shared;

/**
 * The Admin Area's rule for every use case that only staff may call: Support reads and sends emails again, an
 * Administrator changes anything. A platform API key acts at staff level, bound by the same rules as an
 * Administrator (the API checks its scopes per route), except for managing staff. Anybody else (a user, a
 * personal token, Roster itself) is refused too, as {@code FORBIDDEN}.
 */
public final class StaffOnly {

    static final String ADMINISTRATORS_ONLY = "error.403.administratorsOnly";

    private StaffOnly() {
    }

    /** A change: an Administrator, or a platform API key. */
    public static void requireAdministrator(Actor actor) {
        if (actor instanceof Actor.ApiKey) {
            return;
        }
        requireStaffAdministrator(actor);
    }

    /** Reading, or sending an email again: staff of either role, or a platform API key. */
    public static void requireStaff(Actor actor) {
        if (!(actor instanceof Actor.Staff || actor instanceof Actor.ApiKey)) {
            throw Refusal.forbidden("error.403.body");
        }
    }

    /** Managing the staff themselves: an Administrator in person, never a platform key. */
    public static Actor.Staff requireStaffAdministrator(Actor actor) {
        if (!(actor instanceof Actor.Staff staff)) {
            throw Refusal.forbidden("error.403.body");
        }
        if (!staff.administrator()) {
            throw Refusal.forbidden(ADMINISTRATORS_ONLY);
        }
        return staff;
    }
}
