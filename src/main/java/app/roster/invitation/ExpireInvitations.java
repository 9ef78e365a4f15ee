package app.roster.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Marks overdue invitations expired (and audits each); nothing is deleted. Use marks them too (on accept). */
@Component
class ExpireInvitations {

    private static final int BATCH = 500;

    private final Invitations invitations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExpireInvitations(Invitations invitations, ApplicationEventPublisher events, TransactionTemplate transactions,
            Clock clock) {
        this.invitations = invitations;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${roster.invitations.expiry-check:PT10M}", initialDelayString = "PT1M")
    void run() {
        List<Invitation> batch;
        do {
            batch = transactions.execute(status -> expireBatch(clock.instant()));
        } while (batch != null && batch.size() == BATCH);
    }

    /** One batch in one transaction; of two nodes racing, each invitation is expired (and audited) once. */
    List<Invitation> expireBatch(Instant now) {
        List<Invitation> overdue = invitations.overdue(now, BATCH);
        for (Invitation invitation : overdue) {
            if (invitations.end(invitation.accountId(), invitation.id(), Invitation.Status.EXPIRED, now)) {
                events.publishEvent(new InvitationEvents.InvitationEnded(invitation.accountId(), invitation.id(),
                        invitation.email().value(), "invitation.expired", "validity", null));
            }
        }
        return overdue;
    }
}
