package app.roster.membership;

import app.roster.account.AllowedDomains;
import app.roster.account.AllowedDomainsRepository;
import app.roster.shared.EmailAddress;
import app.roster.user.EmailChangeRule;
import app.roster.user.FieldProblem;
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

    private record Restricted(long accountId, String name) {
    }

    private final JdbcClient jdbc;
    private final AllowedDomainsRepository allowedDomains;

    AccountDomainRule(JdbcClient jdbc, AllowedDomainsRepository allowedDomains) {
        this.jdbc = jdbc;
        this.allowedDomains = allowedDomains;
    }

    @Override
    public Optional<FieldProblem> refusal(long userId, EmailAddress newEmail) {
        for (Restricted account : restrictedAccountsOf(userId)) {
            AllowedDomains domains = allowedDomains.of(account.accountId());
            if (!domains.admits(newEmail)) {
                return Optional.of(new FieldProblem("email", "email.outsideAccountDomains", account.name(),
                        domains.describe(", ")));
            }
        }
        return Optional.empty();
    }

    private List<Restricted> restrictedAccountsOf(long userId) {
        return jdbc.sql("""
                SELECT a.id, a.name FROM memberships m JOIN accounts a ON a.id = m.account_id
                WHERE m.user_id = ? AND m.active = TRUE
                  AND EXISTS (SELECT 1 FROM account_allowed_domains d WHERE d.account_id = a.id)
                ORDER BY a.name, a.id""")
                .param(userId).query((rs, row) -> new Restricted(rs.getLong("id"), rs.getString("name"))).list();
    }
}
