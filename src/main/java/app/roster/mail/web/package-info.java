/** The dev mailbox pages, present only when no SMTP server is configured. */
package app.roster.mail.web;
