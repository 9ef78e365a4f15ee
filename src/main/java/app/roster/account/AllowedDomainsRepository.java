package app.roster.account;

import java.util.Collection;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account_allowed_domains table. */
@Repository
public class AllowedDomainsRepository {

    private final JdbcClient jdbc;

    AllowedDomainsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AllowedDomains of(long accountId) {
        return new AllowedDomains(jdbc.sql("""
                SELECT domain, include_subdomains FROM account_allowed_domains WHERE account_id = ? ORDER BY domain""")
                .param(accountId)
                .query((rs, row) -> new DomainRule(rs.getString("domain"), rs.getBoolean("include_subdomains")))
                .list());
    }

    /** Those of these accounts that restrict the domains they admit. */
    public Set<Long> restrictedAmong(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT account_id FROM account_allowed_domains WHERE account_id = ANY(:ids)")
                .param("ids", Accounts.array(accountIds)).query(Long.class).list());
    }

    void replace(long accountId, AllowedDomains domains) {
        jdbc.sql("DELETE FROM account_allowed_domains WHERE account_id = ?").param(accountId).update();
        for (DomainRule rule : domains.rules()) {
            jdbc.sql("INSERT INTO account_allowed_domains (account_id, domain, include_subdomains) VALUES (?, ?, ?)")
                    .params(accountId, rule.domain(), rule.includeSubdomains()).update();
        }
    }
}
