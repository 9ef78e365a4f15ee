package app.roster.invitation;

/** Who sends an invitation: a user of the account (a manager) or a staff member from the Admin Area. */
public record Inviter(Long userId, Long staffId, String name) {

    public static Inviter user(long userId, String name) {
        return new Inviter(userId, null, name);
    }

    public static Inviter staff(long staffId, String name) {
        return new Inviter(null, staffId, name);
    }

    public boolean isStaff() {
        return staffId != null;
    }
}
