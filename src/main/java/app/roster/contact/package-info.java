/** Contacts of an account: people who cannot log in and only receive the notifications they subscribe to. */
package app.roster.contact;
