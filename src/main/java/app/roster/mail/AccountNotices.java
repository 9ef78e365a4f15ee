package app.roster.mail;

import app.roster.contact.Category;
import app.roster.contact.ContactLinks;
import app.roster.contact.NotificationRecipients;
import app.roster.contact.NotificationRecipients.Recipient;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends one account notification of a category to everyone who receives that category: the owner and the
 * subscribed contacts. Every contact's copy carries its own one-click unsubscribe for that category, in the
 * body and as {@code List-Unsubscribe} with {@code List-Unsubscribe-Post} (RFC 8058), so no notification can
 * reach a contact without one. The owner always receives the account's notifications and gets no link.
 */
@Component
class AccountNotices {

    private final NotificationRecipients recipients;
    private final ContactLinks links;
    private final MailComposer composer;
    private final Outbox outbox;
    private final MessageSource messages;

    AccountNotices(NotificationRecipients recipients, ContactLinks links, MailComposer composer, Outbox outbox,
            MessageSource messages) {
        this.recipients = recipients;
        this.links = links;
        this.composer = composer;
        this.outbox = outbox;
        this.messages = messages;
    }

    /** The template gets {@code firstName}, and for a contact {@code unsubscribeLink} and {@code category}. */
    @Transactional(propagation = Propagation.MANDATORY)
    void send(long accountId, Category category, String template, Map<String, ?> variables,
            Object... subjectArguments) {
        for (Recipient recipient : recipients.recipients(accountId, category)) {
            Map<String, Object> all = new HashMap<>(variables);
            all.put("firstName", recipient.firstName());
            String link = recipient.contact() ? links.unsubscribe(recipient.contactId(), category) : null;
            if (link != null) {
                all.put("unsubscribeLink", link);
                all.put("category", messages.getMessage("contact.category." + category.code(), null,
                        recipient.language()));
            }
            OutgoingMail mail = composer.compose(template, recipient.email().value(), recipient.language(), all,
                    subjectArguments);
            outbox.enqueue(link == null ? mail : mail.withHeaders(Map.of(
                    "List-Unsubscribe", "<" + link + ">",
                    "List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        }
    }
}
