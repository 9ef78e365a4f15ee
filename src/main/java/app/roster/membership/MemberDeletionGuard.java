package app.roster.membership;

import app.roster.user.DeletionGuard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A user who belongs to an account, or owns one, is no login staff may delete. */
@Component
class MemberDeletionGuard implements DeletionGuard {

    private final JdbcClient jdbc;

    MemberDeletionGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean keeps(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE user_id = ?").param(userId)
                .query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM accounts WHERE owner_user_id = ?").param(userId)
                        .query(Long.class).single() > 0;
    }
}
