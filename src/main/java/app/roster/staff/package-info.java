/**
 * Staff identity: the staff table, staff login and two-factor, set-password links, the first staff member's
 * set-up and the Admin Area's security chain. The Admin Area's screens (the admin module) build on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared",
        "web",
        "security",
        "ratelimit",
        "user"
})
package app.roster.staff;
