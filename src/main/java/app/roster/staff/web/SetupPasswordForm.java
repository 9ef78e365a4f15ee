package app.roster.staff.web;

/** The set-password form. Passwords are never sent back to the page. */
record SetupPasswordForm(String password, String confirmation) {
}
