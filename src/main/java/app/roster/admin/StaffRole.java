package app.roster.admin;

/** What a staff member may do in the Admin Area. Finer roles (Support) come later. */
public enum StaffRole {
    ADMINISTRATOR
}
