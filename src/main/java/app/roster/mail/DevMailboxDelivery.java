package app.roster.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without an SMTP server the outbox row itself is the delivered mail: developers read it at
 * {@code /dev/mailbox}. Nothing leaves the machine.
 */
class DevMailboxDelivery implements Delivery {

    private static final Logger log = LoggerFactory.getLogger(DevMailboxDelivery.class);

    DevMailboxDelivery() {
        // Loud on purpose: the dev mailbox is public, so a production install without SMTP would show reset links.
        log.warn("No SMTP server configured (ROSTER_SMTP_HOST): emails are NOT sent and anyone who can reach "
                + "this server can read them at /dev/mailbox. Configure SMTP for any shared installation.");
    }

    @Override
    public void deliver(OutboxMessage message) {
        log.info("No SMTP server configured: mail {} is in the dev mailbox at /dev/mailbox/{}", message.id(),
                message.id());
    }
}
