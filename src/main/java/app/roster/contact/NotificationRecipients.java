package app.roster.contact;

import app.roster.account.Accounts;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.user.User;
import app.roster.user.Users;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives an account notification of one category: the owner's address, then every contact subscribed
 * to it, confirmed ones only unless {@code roster.contacts.require-confirmation} is false. Each address once.
 */
@Service
public class NotificationRecipients {

    /**
     * One recipient. {@code contactId} is null for the owner, who always receives the account's notifications;
     * a contact's email must carry a one-click unsubscribe ({@link ContactLinks#unsubscribe}). Contacts have no
     * language of their own: they are written to in the owner's.
     */
    public record Recipient(EmailAddress email, Long contactId, String firstName, Locale language) {

        public boolean contact() {
            return contactId != null;
        }
    }

    private final ContactAccess access;
    private final Accounts accounts;
    private final Users users;
    private final Contacts contacts;
    private final ContactSettings settings;

    NotificationRecipients(ContactAccess access, Accounts accounts, Users users, Contacts contacts,
            ContactSettings settings) {
        this.access = access;
        this.accounts = accounts;
        this.users = users;
        this.contacts = contacts;
        this.settings = settings;
    }

    /** The addresses: what the billing platform asks for. */
    @Transactional(readOnly = true)
    public List<EmailAddress> of(long accountId, Category category) {
        return recipients(accountId, category).stream().map(Recipient::email).toList();
    }

    /**
     * The same, for an actor who may see the account's contacts (the API's routing answer): another account's id,
     * or one that does not exist, is {@link app.roster.shared.NotFound}.
     */
    @Transactional(readOnly = true)
    public List<Recipient> recipients(Actor actor, long accountId, Category category) {
        access.requireToRead(actor, accountId);
        return recipients(accountId, category);
    }

    /** The same, with what an email to each needs. */
    @Transactional(readOnly = true)
    public List<Recipient> recipients(long accountId, Category category) {
        List<Recipient> recipients = new ArrayList<>();
        Set<EmailAddress> seen = new HashSet<>();
        Optional<User> owner = accounts.findById(accountId).flatMap(account -> users.findById(account.ownerUserId()));
        Locale language = owner.map(o -> o.language().locale()).orElse(Locale.ENGLISH);
        owner.ifPresent(o -> {
            seen.add(o.email());
            recipients.add(new Recipient(o.email(), null, o.firstName(), language));
        });
        for (Contact contact : contacts.subscribedTo(accountId, category, settings.requireConfirmation())) {
            if (seen.add(contact.details().email())) {
                recipients.add(new Recipient(contact.details().email(), contact.id(), contact.details().firstName(),
                        language));
            }
        }
        return List.copyOf(recipients);
    }
}
