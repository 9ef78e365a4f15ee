package app.roster.mail;

import app.roster.staff.StaffMembers;
import app.roster.staff.StaffPasswordSetupRequested;
import app.roster.webhook.WebhookEndpointEvents.EndpointDisabled;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The Admin Area's emails: staff have no language setting yet, so they are written in English. */
@Component
class StaffEmails {

    private final MailComposer composer;
    private final Outbox outbox;
    private final StaffMembers staff;

    StaffEmails(MailComposer composer, Outbox outbox, StaffMembers staff) {
        this.composer = composer;
        this.outbox = outbox;
        this.staff = staff;
    }

    /** Every enabled Administrator, since nobody else may enable the endpoint again. */
    @EventListener
    void on(EndpointDisabled event) {
        if (!event.failing()) {
            return;
        }
        for (String administrator : staff.administratorEmails()) {
            outbox.enqueue(composer.compose("webhook-disabled", administrator, Locale.ENGLISH, Map.of(
                    "url", event.url(), "endpointId", event.endpointId())));
        }
    }

    @EventListener
    void on(StaffPasswordSetupRequested event) {
        outbox.enqueue(composer.compose("staff-setup", event.email(), Locale.ENGLISH, Map.of(
                "firstName", event.name() == null ? "" : event.name(), "link", event.link(),
                "expiresAt", MailComposer.dateTime(event.expiresAt(), Locale.ENGLISH))));
    }
}
