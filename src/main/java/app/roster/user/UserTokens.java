package app.roster.user;

import app.roster.security.SecurityEvents;
import app.roster.shared.OneTimeToken;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Emailed one-time links. Only hashes are stored; a token is consumed by one atomic update. */
@Repository
class UserTokens {

    /** CHANGE_EMAIL holds the new address, which becomes the user's only when the link sent to it is used. */
    enum Purpose {
        // An address change is confirmed through the verification link, whose look-up already records a guess.
        VERIFY_EMAIL("verification"), RESET_PASSWORD("reset"), CHANGE_EMAIL(null);

        /** The kind of link, as security events name it; null when another purpose's look-up records it. */
        private final String link;

        Purpose(String link) {
            this.link = link;
        }
    }

    record Redeemed(long userId, String email) {
    }

    private final JdbcClient jdbc;
    private final SecurityEvents securityEvents;

    UserTokens(JdbcClient jdbc, SecurityEvents securityEvents) {
        this.jdbc = jdbc;
        this.securityEvents = securityEvents;
    }

    /** Issues a new token and invalidates the user's earlier ones of the same purpose. */
    OneTimeToken issue(long userId, Purpose purpose, String email, Instant now, Instant expiresAt) {
        revoke(userId, now, purpose);
        OneTimeToken token = OneTimeToken.generate();
        jdbc.sql("""
                INSERT INTO user_tokens (user_id, purpose, token_hash, email, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(userId, purpose.name(), token.hash(), email, Timestamp.from(expiresAt), Timestamp.from(now))
                .update();
        return token;
    }

    /**
     * Ends the user's outstanding links of these purposes: a reset or set-password link, or a pending address
     * change, must not outlive the password or address it was issued against.
     */
    void revoke(long userId, Instant now, Purpose... purposes) {
        for (Purpose purpose : purposes) {
            jdbc.sql("UPDATE user_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                    .params(Timestamp.from(now), userId, purpose.name()).update();
        }
    }

    /** The address of the user's newest outstanding link of this purpose. */
    Optional<String> outstanding(long userId, Purpose purpose, Instant now) {
        return jdbc.sql("""
                SELECT email FROM user_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?
                ORDER BY created_at DESC, id DESC LIMIT 1""")
                .params(userId, purpose.name(), Timestamp.from(now)).query(String.class).optional();
    }

    /** A token that is valid now, without consuming it (the page that asks for a new password). */
    Optional<Redeemed> peek(String rawToken, Purpose purpose, Instant now) {
        Optional<Redeemed> valid = jdbc.sql("""
                SELECT user_id, email FROM user_tokens
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(OneTimeToken.hashOf(rawToken), purpose.name(), Timestamp.from(now))
                .query((rs, row) -> new Redeemed(rs.getLong("user_id"), rs.getString("email")))
                .optional();
        if (valid.isEmpty() && purpose.link != null && !wasIssued(rawToken)) {
            securityEvents.unknownToken(purpose.link);
        }
        return valid;
    }

    /** Whether the token was ever issued, for any purpose: a link of one kind is tried as two (verification). */
    private boolean wasIssued(String rawToken) {
        return jdbc.sql("SELECT COUNT(*) FROM user_tokens WHERE token_hash = ?")
                .param(OneTimeToken.hashOf(rawToken)).query(Integer.class).single() > 0;
    }

    /** Whether the token was ever issued for the purpose, used or expired since: anything else is a guess. */
    boolean wasIssued(String rawToken, Purpose purpose) {
        return jdbc.sql("SELECT COUNT(*) FROM user_tokens WHERE token_hash = ? AND purpose = ?")
                .params(OneTimeToken.hashOf(rawToken), purpose.name()).query(Integer.class).single() > 0;
    }

    /** Consumes the token; of two concurrent calls exactly one gets it. */
    Optional<Redeemed> redeem(String rawToken, Purpose purpose, Instant now) {
        Optional<Redeemed> valid = peek(rawToken, purpose, now);
        if (valid.isEmpty()) {
            return valid;
        }
        int updated = jdbc.sql("""
                UPDATE user_tokens SET used_at = ?
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(Timestamp.from(now), OneTimeToken.hashOf(rawToken), purpose.name(), Timestamp.from(now))
                .update();
        return updated == 1 ? valid : Optional.empty();
    }
}
