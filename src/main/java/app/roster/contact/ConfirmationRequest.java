package app.roster.contact;

import app.roster.account.Accounts;
import app.roster.ratelimit.RateLimiter;
import app.roster.shared.OneTimeToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Asks a new or changed address to confirm: a fresh token whose hash (and expiry) the contact row keeps, so
 * an earlier link stops working. Counted per account, because each one is an email to a stranger.
 */
@Component
class ConfirmationRequest {

    private final Accounts accounts;
    private final Contacts contacts;
    private final ContactLinks links;
    private final RateLimiter rateLimiter;
    private final ContactSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConfirmationRequest(Accounts accounts, Contacts contacts, ContactLinks links, RateLimiter rateLimiter,
            ContactSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.links = links;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Throws {@link ContactRefused} when the account has sent too many this hour: nothing is saved then. */
    void send(long accountId, long contactId, ContactDetails details, Locale language) {
        if (!rateLimiter.tryAcquire("contact-confirm:account:" + accountId,
                settings.maxConfirmationsPerAccountHour(), Duration.ofHours(1))) {
            throw new ContactRefused("email", "contact.error.tooManyConfirmations");
        }
        OneTimeToken token = OneTimeToken.generate();
        contacts.requestConfirmation(accountId, contactId, token.hash(),
                clock.instant().plus(settings.confirmationValidity()));
        String accountName = accounts.findById(accountId).map(a -> a.name()).orElse("");
        events.publishEvent(new ContactEvents.ContactConfirmationRequested(contactId, details.email().value(),
                language, accountName, details.fullName(), details.subscriptions(), links.confirm(token)));
    }
}
