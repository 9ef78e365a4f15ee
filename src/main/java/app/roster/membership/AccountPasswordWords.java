package app.roster.membership;

import app.roster.user.PasswordContext;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** "Acme Hosting" and "acmehosting2024!!": the names of a user's accounts are words of their password's context. */
@Component
class AccountPasswordWords implements PasswordContext {

    /** Enough for any real user; a user in hundreds of accounts does not make every password check slow. */
    private static final int MAX_ACCOUNTS = 50;

    private final JdbcClient jdbc;

    AccountPasswordWords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> wordsFor(long userId) {
        return jdbc.sql("""
                SELECT a.name, a.company_name FROM memberships m JOIN accounts a ON a.id = m.account_id
                WHERE m.user_id = ? ORDER BY a.id LIMIT ?""")
                .params(userId, MAX_ACCOUNTS)
                .query((rs, row) -> Stream.of(rs.getString("name"), rs.getString("company_name"))
                        .filter(Objects::nonNull).toList())
                .list().stream().flatMap(List::stream).toList();
    }
}
