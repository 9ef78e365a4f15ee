package app.roster.invitation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

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

    @TransactionalEventListener(fallbackExecution = true)
    void on(InvitationEvents.InvitationSent event) {
        invitations(event.resent() ? "resent" : "sent").increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InvitationEvents.InvitationAccepted event) {
        invitations("accepted").increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InvitationEvents.InvitationEnded event) {
        invitations("invitation.expired".equals(event.action()) ? "expired" : "cancelled").increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InvitationEvents.AcceptanceRefused event) {
        refused("accept", event.reason()).increment();
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
}
