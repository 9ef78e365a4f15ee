/** The invitation module's REST endpoints: send, list, read, resend, cancel and edit invitations. */
package app.roster.invitation.api;
