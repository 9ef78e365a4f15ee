package app.roster.admin;

import app.roster.mail.EmailLog;
import app.roster.mail.LoggedEmail;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator sends a FAILED email again: it goes back in the queue, due now, and the dispatcher delivers
 * it. Support only reads the log: a failed email may be failing for a reason (a wrong address) worth a look first.
 */
@Component
public class RetryEmail {

    private final EmailLog emails;
    private final ApplicationEventPublisher events;

    RetryEmail(EmailLog emails, ApplicationEventPublisher events) {
        this.emails = emails;
        this.events = events;
    }

    /** False when the message is not FAILED (any more); an unknown id is {@link NotFound}. */
    @Transactional
    public boolean retry(Actor actor, long messageId) {
        StaffOnly.requireAdministrator(actor);
        LoggedEmail message = emails.find(messageId).orElseThrow(NotFound::new);
        if (!emails.requeue(messageId)) {
            return false;
        }
        events.publishEvent(new RecordsEvents.EmailRetried(messageId, message.recipient(), message.attempts(),
                actor));
        return true;
    }
}
