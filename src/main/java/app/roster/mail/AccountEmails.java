package app.roster.mail;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.account.UpdateAccountProfile.AccountProfileUpdated;
import app.roster.contact.Category;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The account's own notifications, sent as General emails to the owner and the subscribed contacts. A change
 * to the billing details is worth knowing about: it is how an account is quietly taken over. Synchronous, so
 * the emails commit with the change (rule 13).
 */
@Component
class AccountEmails {

    private final AccountNotices notices;
    private final Accounts accounts;

    AccountEmails(AccountNotices notices, Accounts accounts) {
        this.notices = notices;
        this.accounts = accounts;
    }

    @EventListener
    void on(AccountProfileUpdated event) {
        String accountName = accounts.findById(event.accountId()).map(Account::name).orElse("");
        // Field names only: the values stay in the account, where the recipients can look if they may.
        notices.send(event.accountId(), Category.GENERAL, "account-changed",
                Map.of("accountName", accountName, "fields", event.details().keySet().stream().toList()),
                accountName);
    }
}
