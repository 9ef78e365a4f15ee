package app.roster.staff;

/**
 * What a staff member may do in the Admin Area. Support reads everything and may send emails again
 * (password reset, verification, invitations); only Administrators change anything.
 */
public enum StaffRole {
    ADMINISTRATOR,
    SUPPORT
}
