/**
 * The credential pages: API keys in the Admin Area, personal access tokens on the Client Area profile and, for the
 * owner, the account's tokens; staff see and revoke a user's tokens from the user's page.
 */
package app.roster.credential.web;
