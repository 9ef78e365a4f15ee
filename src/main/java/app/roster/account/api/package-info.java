/**
 * The account module's REST endpoints: the accounts list, one account's details, closing and allowed domains.
 * Its request and response bodies are shared with the admin module's endpoints, hence a named interface.
 */
@org.springframework.modulith.NamedInterface("api")
package app.roster.account.api;
