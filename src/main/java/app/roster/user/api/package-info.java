/**
 * The user module's REST endpoints: the users directory, creating users, their profile, access and deletion.
 * The user's response body is shared with the admin module's endpoints, hence a named interface.
 */
@org.springframework.modulith.NamedInterface("api")
package app.roster.user.api;
