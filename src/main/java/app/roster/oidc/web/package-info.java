/** The pages of the sign-in through Roster: the account chooser, the consent screen, the no-account page. */
package app.roster.oidc.web;
