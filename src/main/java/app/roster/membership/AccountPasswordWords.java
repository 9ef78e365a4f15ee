package app.roster.membership;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.user.PasswordContext;
import java.util.Comparator;
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
    private final Accounts accounts;

    AccountPasswordWords(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public List<String> wordsFor(long userId) {
        List<Long> ids = jdbc.sql("SELECT account_id FROM memberships WHERE user_id = ? ORDER BY account_id LIMIT ?")
                .params(userId, MAX_ACCOUNTS).query(Long.class).list();
        return accounts.findAllById(ids).stream().sorted(Comparator.comparingLong(Account::id))
                .flatMap(account -> Stream.of(account.name(), account.profile().companyName()))
                .filter(Objects::nonNull).toList();
    }
}
