/** Outgoing email: the transactional outbox, its templates, retried delivery and the dev mailbox. */
package app.roster.mail;
