package app.roster.contact;

import app.roster.account.Accounts;
import app.roster.shared.EmailAddress;
import app.roster.user.Users;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives an account notification of one category: the owner's address, then every contact subscribed
 * to it, confirmed ones only unless {@code roster.contacts.require-confirmation} is false. Each address once.
 */
@Service
public class NotificationRecipients {

    private final Accounts accounts;
    private final Users users;
    private final Contacts contacts;
    private final ContactSettings settings;

    NotificationRecipients(Accounts accounts, Users users, Contacts contacts, ContactSettings settings) {
        this.accounts = accounts;
        this.users = users;
        this.contacts = contacts;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public List<EmailAddress> of(long accountId, Category category) {
        Set<EmailAddress> recipients = new LinkedHashSet<>();
        accounts.findById(accountId).flatMap(account -> users.findById(account.ownerUserId()))
                .ifPresent(owner -> recipients.add(owner.email()));
        for (Contact contact : contacts.subscribedTo(accountId, category, settings.requireConfirmation())) {
            recipients.add(contact.details().email());
        }
        return List.copyOf(recipients);
    }
}
