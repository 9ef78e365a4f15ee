package app.roster.admin.web;

import app.roster.staff.StaffRole;

/** "Add staff": name, email and role as typed; an unknown role reads as none. */
record StaffForm(String name, String email, String role) {

    static StaffForm empty() {
        return new StaffForm("", "", StaffRole.SUPPORT.name());
    }

    StaffRole parsedRole() {
        return StaffController.role(role);
    }
}
