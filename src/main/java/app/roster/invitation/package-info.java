/** Invitations by email: send, resend, cancel, edit, and acceptance by login or registration. */
package app.roster.invitation;
