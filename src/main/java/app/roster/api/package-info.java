/**
 * The REST API's shell: its bearer-only security chain, scopes, problem responses, rate limits, CORS and the
 * OpenAPI document. The endpoints live with their features ({@code membership.api}); the credentials with the
 * credential module, which answers {@link app.roster.api.ApiCredentials}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "security", "ratelimit"})
package app.roster.api;
