package app.roster.mail;

import app.roster.contact.ContactEvents.ContactConfirmationRequested;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The contact module's email: the confirmation link to a new or changed contact address. Synchronous, so the
 * outbox row commits or rolls back with the contact (rule 13).
 */
@Component
class ContactEmails {

    private final MailComposer composer;
    private final Outbox outbox;
    private final MessageSource messages;

    ContactEmails(MailComposer composer, Outbox outbox, MessageSource messages) {
        this.composer = composer;
        this.outbox = outbox;
        this.messages = messages;
    }

    @EventListener
    void on(ContactConfirmationRequested event) {
        String accountName = event.accountName() == null ? "" : event.accountName().strip();
        String categories = event.categories().stream().sorted()
                .map(c -> messages.getMessage("contact.category." + c.code(), null, event.language()))
                .collect(Collectors.joining(", "));
        outbox.enqueue(composer.compose("contact-confirmation", event.email(), event.language(), Map.of(
                "accountName", accountName, "categories", categories, "link", event.link()), accountName));
    }
}
