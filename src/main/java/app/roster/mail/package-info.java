/** Outgoing email: the transactional outbox, its templates, retried delivery and the dev mailbox. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared",
        "user",
        "account",
        "membership",
        "invitation",
        "contact",
        "staff",
        "webhook"
})
package app.roster.mail;
