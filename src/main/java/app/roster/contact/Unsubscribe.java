package app.roster.contact;

import app.roster.security.SecurityEvents;
import app.roster.shared.OneTimeToken;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact leaves one category with the token of an unsubscribe link (see {@link ContactLinks#unsubscribe}).
 * The link keeps working, so a second click (or a mail client's retry) changes nothing and still succeeds.
 */
@Service
public class Unsubscribe {

    /** What a link is for, shown on the page before the button is pressed. */
    public record Target(Contact contact, Category category) {
    }

    private final Contacts contacts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final SecurityEvents securityEvents;

    Unsubscribe(Contacts contacts, JdbcClient jdbc, ApplicationEventPublisher events, SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** What the link is for; empty, and a security event, for a link that matches none (or a deleted contact's). */
    @Transactional(readOnly = true)
    public Optional<Target> target(String rawToken) {
        if (rawToken == null || rawToken.isBlank()) {
            return Optional.empty();
        }
        Optional<Target> target = jdbc.sql("""
                SELECT c.*, l.category AS link_category FROM contact_unsubscribe_links l
                JOIN contacts c ON c.id = l.contact_id WHERE l.token_hash = ?""")
                .param(OneTimeToken.hashOf(rawToken))
                .query((rs, row) -> new Target(Contacts.map(rs, row),
                        Category.fromCode(rs.getString("link_category")).orElseThrow()))
                .optional();
        if (target.isEmpty()) {
            securityEvents.unknownToken("unsubscribe");
        }
        return target;
    }

    /** False only for an unknown link (or a deleted contact). */
    @Transactional
    public boolean unsubscribe(String rawToken) {
        Optional<Target> target = target(rawToken);
        if (target.isEmpty()) {
            return false;
        }
        Contact contact = target.get().contact();
        Category category = target.get().category();
        Set<Category> before = contact.details().subscriptions();
        if (before.contains(category)) {
            Set<Category> after = EnumSet.noneOf(Category.class);
            after.addAll(before);
            after.remove(category);
            contacts.updateSubscriptions(contact.accountId(), contact.id(), after);
            events.publishEvent(new ContactEvents.ContactUnsubscribed(contact.accountId(), contact.id(), category,
                    before, after));
        }
        return true;
    }
}
