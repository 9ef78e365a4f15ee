/** Memberships of users in client accounts, their permissions, the current account and the switcher. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "user", "account", "api"})
package app.roster.membership;
