package app.roster.mail;

/** Where a claimed message goes: an SMTP server, or the dev mailbox when none is configured. */
interface Delivery {

    /** Throws when the message was not accepted; the dispatcher then retries it later. */
    void deliver(OutboxMessage message);
}
