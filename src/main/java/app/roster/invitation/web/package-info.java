/** The Client Area's invitation pages: Invite New User, Pending Invites, and the account's allowed domains. */
package app.roster.invitation.web;
