/**
 * API credentials: platform API keys (created by Administrators) and personal access tokens (created by users
 * for one of their accounts), their secrets (shown once, stored hashed), revocation and last use, and the
 * authenticator the API's security chain asks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "api", "user", "account", "membership", "staff"})
package app.roster.credential;
