package app.roster.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The names of many accounts in one query, for lists that show account ids (the Admin Area's audit trail). */
@Repository
@Transactional(readOnly = true)
public class AccountNames {

    private final NamedParameterJdbcTemplate jdbc;

    AccountNames(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Id to name; a deleted account is simply missing. */
    public Map<Long, String> of(Collection<Long> accountIds) {
        Map<Long, String> names = new HashMap<>();
        if (accountIds.isEmpty()) {
            return names;
        }
        jdbc.query("SELECT id, name FROM accounts WHERE id IN (:ids)", Map.of("ids", accountIds),
                (RowCallbackHandler) rs -> names.put(rs.getLong("id"), rs.getString("name")));
        return names;
    }
}
