/** The oidc module's REST endpoints: registering applications that sign users in through Roster. */
package app.roster.oidc.api;
