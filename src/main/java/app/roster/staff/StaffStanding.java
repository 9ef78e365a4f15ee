package app.roster.staff;

/**
 * What the Admin Area checks about the signed-in staff member on every request, from one primary-key read:
 * the principal as it stands now (a changed role applies at once) and whether two-factor is set up.
 */
public record StaffStanding(SignedInStaff principal, boolean twoFactorEnrolled) {
}
