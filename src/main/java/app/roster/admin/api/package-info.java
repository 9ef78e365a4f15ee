/**
 * The admin module's REST endpoints, those that combine features as the Admin Area does: opening an account with
 * its owner, deleting one with its lone users, and a user with their accounts.
 */
package app.roster.admin.api;
