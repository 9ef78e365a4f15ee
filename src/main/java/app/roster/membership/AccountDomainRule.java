package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.account.AllowedDomains;
import app.roster.account.AllowedDomainsRepository;
import app.roster.shared.EmailAddress;
import app.roster.user.EmailChangeRule;
import app.roster.user.FieldProblem;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rule 6 after joining: while a user belongs to a restricted account (as its owner too, and also while the
 * account is closed, since it may reopen), their login address stays inside that account's allowed domains,
 * whoever changes it. The message names the account, so the user knows what to leave or whom to ask.
 */
@Component
class AccountDomainRule implements EmailChangeRule {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AllowedDomainsRepository allowedDomains;

    AccountDomainRule(JdbcClient jdbc, Accounts accounts, AllowedDomainsRepository allowedDomains) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.allowedDomains = allowedDomains;
    }

    @Override
    public Optional<FieldProblem> refusal(long userId, EmailAddress newEmail) {
        for (Account account : restrictedAccountsOf(userId)) {
            AllowedDomains domains = allowedDomains.of(account.id());
            if (!domains.admits(newEmail)) {
                return Optional.of(new FieldProblem("email", "email.outsideAccountDomains", account.name(),
                        domains.describe(", ")));
            }
        }
        return Optional.empty();
    }

    /** The user's accounts (active memberships) that restrict their domains, by name. */
    private List<Account> restrictedAccountsOf(long userId) {
        List<Long> ids = jdbc.sql("SELECT account_id FROM memberships WHERE user_id = ? AND active = TRUE")
                .param(userId).query(Long.class).list();
        return accounts.findAllById(allowedDomains.restrictedAmong(ids)).stream()
                .sorted(Comparator.comparing(Account::name).thenComparingLong(Account::id)).toList();
    }
}
