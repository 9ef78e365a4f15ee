/**
 * Roster as the platform's OpenID Connect provider, on Spring Authorization Server: registered clients, the
 * signing keys, the account chosen at sign-in and the claims its tokens carry.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "api", "user", "membership", "staff"})
package app.roster.oidc;
