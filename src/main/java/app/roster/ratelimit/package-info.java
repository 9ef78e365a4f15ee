/** Rate limits kept in the shared database, so they hold across every node. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security"})
package app.roster.ratelimit;
