package app.roster.shared;

/**
 * The Admin Area's rule for every use case that only staff may call: Support reads and sends emails again, an
 * Administrator changes anything. Anybody else (a user, Roster itself) is refused too, as {@code FORBIDDEN}.
 */
public final class StaffOnly {

    static final String ADMINISTRATORS_ONLY = "error.403.administratorsOnly";

    private StaffOnly() {
    }

    /** A change: only an Administrator. */
    public static Actor.Staff requireAdministrator(Actor actor) {
        Actor.Staff staff = requireStaff(actor);
        if (!staff.administrator()) {
            throw Refusal.forbidden(ADMINISTRATORS_ONLY);
        }
        return staff;
    }

    /** Reading, or sending an email again: staff of either role. */
    public static Actor.Staff requireStaff(Actor actor) {
        if (actor instanceof Actor.Staff staff) {
            return staff;
        }
        throw Refusal.forbidden("error.403.body");
    }
}
