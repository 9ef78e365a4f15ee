package app.roster.admin;

import app.roster.mail.EmailLog;
import app.roster.mail.LoggedEmail;
import app.roster.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff send a FAILED email again: it goes back in the queue, due now, and the dispatcher delivers it. */
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
    public boolean retry(long messageId) {
        LoggedEmail message = emails.find(messageId).orElseThrow(NotFound::new);
        if (!emails.requeue(messageId)) {
            return false;
        }
        events.publishEvent(new RecordsEvents.EmailRetried(messageId, message.recipient(), message.attempts()));
        return true;
    }
}
