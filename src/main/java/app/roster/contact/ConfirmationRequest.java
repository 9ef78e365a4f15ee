package app.roster.contact;

import app.roster.account.Accounts;
import app.roster.shared.OneTimeToken;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Asks a new or changed address to confirm: a fresh token whose hash the contact row keeps. */
@Component
class ConfirmationRequest {

    private final Accounts accounts;
    private final ContactLinks links;
    private final ApplicationEventPublisher events;

    ConfirmationRequest(Accounts accounts, ContactLinks links, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.links = links;
        this.events = events;
    }

    /** Publishes the email for the token; the caller stores {@code token.hash()}. */
    void send(long accountId, long contactId, ContactDetails details, OneTimeToken token, Locale language) {
        String accountName = accounts.findById(accountId).map(a -> a.name()).orElse("");
        events.publishEvent(new ContactEvents.ContactConfirmationRequested(contactId, details.email().value(),
                language, accountName, details.fullName(), details.subscriptions(), links.confirm(token)));
    }
}
