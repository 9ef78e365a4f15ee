package app.roster.invitation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts invitations from their events once the transaction commits: {@code roster.invitations} tagged
 * {@code event} (sent, resent, accepted, expired, cancelled) and {@code roster.invitations.refused} tagged with the
 * {@code stage} (send, accept) and the reason (send: member, pending, domain, too_many, not_held, own_delivery;
 * accept: expired, replaced, domain, already_used, account_closed, inviter_lost_authority).
 */
@Component
class InvitationMeters {

    private final MeterRegistry registry;

    InvitationMeters(MeterRegistry registry) {
        this.registry = registry;
        for (String event : new String[] {"sent", "resent", "accepted", "expired", "cancelled"}) {
            invitations(event);
        }
    }

    @EventListener
    void on(InvitationEvents.InvitationSent event) {
        afterCommit(invitations(event.resent() ? "resent" : "sent"));
    }

    @EventListener
    void on(InvitationEvents.InvitationAccepted event) {
        afterCommit(invitations("accepted"));
    }

    @EventListener
    void on(InvitationEvents.InvitationEnded event) {
        afterCommit(invitations("invitation.expired".equals(event.action()) ? "expired" : "cancelled"));
    }

    @EventListener
    void on(InvitationEvents.AcceptanceRefused event) {
        afterCommit(refused("accept", event.reason()));
    }

    /** A refused send changes nothing and publishes nothing: counted at once, as it happened. */
    void refusedToSend(InvitationRefused refusal) {
        refused("send", reasonOf(refusal.messageKey())).increment();
    }

    private Counter refused(String stage, String reason) {
        return Counter.builder("roster.invitations.refused").tag("stage", stage).tag("reason", reason)
                .description("Invitations the rules refused to send, and acceptances they refused, by reason")
                .register(registry);
    }

    /** "invitation.refused.tooMany" → "too_many". */
    static String reasonOf(String messageKey) {
        String reason = messageKey.substring(messageKey.lastIndexOf('.') + 1);
        return reason.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private Counter invitations(String event) {
        return Counter.builder("roster.invitations").tag("event", event)
                .description("Invitations sent, resent, accepted, expired and cancelled").register(registry);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
