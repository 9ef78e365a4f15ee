/** Users: registration, login bookkeeping, email verification, password reset, two-factor and sessions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "ratelimit", "audit", "api"})
package app.roster.user;
