package app.roster.mail;

import java.util.List;
import java.util.Optional;

/**
 * What the Admin Area reads of the outbox, and its one change to it. The outbox is this module's table, so its
 * reads live here too; the Admin Area depends on mail for them, and mail depends on no screen.
 */
public interface EmailLog {

    /** A page of messages, newest first; state null = any, a blank prefix = every recipient. */
    List<LoggedEmail> search(LoggedEmail.State state, String recipientPrefix, int limit, long offset);

    long count(LoggedEmail.State state, String recipientPrefix);

    Optional<LoggedEmail> find(long id);

    /** Queues a FAILED message again, due now, inside the caller's transaction; false when it is not FAILED. */
    boolean requeue(long id);

    /** The mail configuration (no secret) and the queue at a glance. */
    MailOverview overview();
}
