/**
 * The admin module's REST endpoints, those that combine features as the Admin Area does: opening an account with
 * its owner, deleting one with its lone users, a user with their accounts, and adding a user to an account directly.
 */
package app.roster.admin.api;
