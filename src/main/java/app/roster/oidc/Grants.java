package app.roster.oidc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What users granted to applications, as Spring Authorization Server's tables hold it: the rows of
 * {@code oauth2_authorization} (one per sign-in, {@code principal_name} the user id) and of
 * {@code oauth2_authorization_consent}. Ending a grant deletes its rows, and the spent refresh tokens
 * {@link HashedAuthorizations} remembers for them, so no token of it works again.
 */
@Repository
class Grants {

    private static final String SPENT_OF = "DELETE FROM oidc_spent_refresh_tokens WHERE authorization_id IN "
            + "(SELECT id FROM oauth2_authorization WHERE ";

    private final JdbcClient jdbc;

    Grants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One application a user signed in to: the scopes granted and when it last got a token. */
    record Granted(String registeredClientId, Set<String> scopes, Instant lastTokenAt) {
    }

    /** The applications a user signed in to (a token was issued) or consented to, most recent first. */
    List<Granted> ofUser(long userId) {
        String principal = String.valueOf(userId);
        Map<String, Granted> granted = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT registered_client_id, authorized_scopes,
                       MAX(CASE WHEN refresh_token_issued_at > access_token_issued_at THEN refresh_token_issued_at
                                ELSE access_token_issued_at END) AS last_token_at
                FROM oauth2_authorization WHERE principal_name = ? AND access_token_issued_at IS NOT NULL
                GROUP BY registered_client_id, authorized_scopes""").param(principal)
                .query((rs, row) -> {
                    Timestamp last = rs.getTimestamp("last_token_at");
                    merge(granted, new Granted(rs.getString("registered_client_id"),
                            split(rs.getString("authorized_scopes"), ""), last == null ? null : last.toInstant()));
                    return null;
                }).list();
        jdbc.sql("SELECT registered_client_id, authorities FROM oauth2_authorization_consent WHERE principal_name = ?")
                .param(principal).query((rs, row) -> {
                    merge(granted, new Granted(rs.getString("registered_client_id"),
                            split(rs.getString("authorities"), "SCOPE_"), null));
                    return null;
                }).list();
        return granted.values().stream().sorted(java.util.Comparator.comparing(Granted::lastTokenAt,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))).toList();
    }

    private static void merge(Map<String, Granted> granted, Granted more) {
        granted.merge(more.registeredClientId(), more, (a, b) -> {
            Set<String> scopes = new LinkedHashSet<>(a.scopes());
            scopes.addAll(b.scopes());
            Instant last = a.lastTokenAt() == null ? b.lastTokenAt()
                    : b.lastTokenAt() == null || a.lastTokenAt().isAfter(b.lastTokenAt()) ? a.lastTokenAt()
                    : b.lastTokenAt();
            return new Granted(a.registeredClientId(), scopes, last);
        });
    }

    /** Ends what one user granted one application; the number of rows deleted (0: there was nothing). */
    int endForUser(long userId, String registeredClientId) {
        String principal = String.valueOf(userId);
        jdbc.sql(SPENT_OF + "principal_name = ? AND registered_client_id = ?)").params(principal, registeredClientId)
                .update();
        return jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ? AND registered_client_id = ?")
                .params(principal, registeredClientId).update()
                + jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE principal_name = ? "
                        + "AND registered_client_id = ?").params(principal, registeredClientId).update();
    }

    /** Ends every grant of one application: the number of sign-ins that ended. */
    int endForClient(String registeredClientId) {
        jdbc.sql(SPENT_OF + "registered_client_id = ?)").param(registeredClientId).update();
        int ended = jdbc.sql("DELETE FROM oauth2_authorization WHERE registered_client_id = ?")
                .param(registeredClientId).update();
        jdbc.sql("DELETE FROM oauth2_authorization_consent WHERE registered_client_id = ?").param(registeredClientId)
                .update();
        return ended;
    }

    /**
     * Forgets authorizations that were issued a code or a token and none of whose codes and tokens can be used any
     * more: each has expired. Consents stay: they last until the user revokes them.
     */
    int forgetExpired(Instant now) {
        Timestamp at = Timestamp.from(now);
        String expired = """
                (authorization_code_expires_at IS NULL OR authorization_code_expires_at < :now)
                AND (access_token_expires_at IS NULL OR access_token_expires_at < :now)
                AND (refresh_token_expires_at IS NULL OR refresh_token_expires_at < :now)
                AND (oidc_id_token_expires_at IS NULL OR oidc_id_token_expires_at < :now)
                AND (authorization_code_issued_at IS NOT NULL OR access_token_issued_at IS NOT NULL)""";
        jdbc.sql(SPENT_OF + expired + ")").param("now", at).update();
        return jdbc.sql("DELETE FROM oauth2_authorization WHERE " + expired).param("now", at).update();
    }

    private static Set<String> split(String stored, String prefix) {
        Set<String> values = new LinkedHashSet<>();
        if (stored != null) {
            Arrays.stream(stored.split(",")).map(String::strip).filter(value -> value.startsWith(prefix))
                    .map(value -> value.substring(prefix.length())).filter(value -> !value.isEmpty())
                    .forEach(values::add);
        }
        return values;
    }
}
