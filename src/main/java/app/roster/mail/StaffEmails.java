package app.roster.mail;

import app.roster.staff.StaffPasswordSetupRequested;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The Admin Area's emails: staff have no language setting yet, so they are written in English. */
@Component
class StaffEmails {

    private final MailComposer composer;
    private final Outbox outbox;

    StaffEmails(MailComposer composer, Outbox outbox) {
        this.composer = composer;
        this.outbox = outbox;
    }

    @EventListener
    void on(StaffPasswordSetupRequested event) {
        outbox.enqueue(composer.compose("staff-setup", event.email(), Locale.ENGLISH, Map.of(
                "firstName", event.name() == null ? "" : event.name(), "link", event.link(),
                "expiresAt", MailComposer.dateTime(event.expiresAt(), Locale.ENGLISH))));
    }
}
