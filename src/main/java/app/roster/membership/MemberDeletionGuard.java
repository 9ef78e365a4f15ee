package app.roster.membership;

import app.roster.account.Accounts;
import app.roster.user.DeletionGuard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user who belongs to an account, or owns one (the account module knows), is no login staff may delete. */
@Component
class MemberDeletionGuard implements DeletionGuard {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    MemberDeletionGuard(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public boolean keeps(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ?").param(userId)
                .query(Long.class).single() > 0
                || accounts.countOwnedBy(userId) > 0;
    }
}
