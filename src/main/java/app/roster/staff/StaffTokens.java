package app.roster.staff;

import app.roster.security.SecurityEvents;
import app.roster.shared.OneTimeToken;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff set-password tokens: only the hash is stored; each is used once, by one atomic UPDATE. */
@Repository
class StaffTokens {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityEvents securityEvents;

    StaffTokens(JdbcClient jdbc, Clock clock, SecurityEvents securityEvents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.securityEvents = securityEvents;
    }

    void store(long staffId, OneTimeToken token, Instant expiresAt) {
        jdbc.sql("INSERT INTO staff_tokens (staff_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)")
                .params(staffId, token.hash(), Timestamp.from(expiresAt), Timestamp.from(clock.instant()))
                .update();
    }

    /** A new link replaces the older ones. */
    void revokeUnused(long staffId) {
        jdbc.sql("UPDATE staff_tokens SET used_at = ? WHERE staff_id = ? AND used_at IS NULL")
                .params(Timestamp.from(clock.instant()), staffId).update();
    }

    /** When the newest still usable link of the staff member was issued, if that was after {@code since}. */
    Optional<Instant> usableIssuedSince(long staffId, Instant since) {
        return jdbc.sql("""
                SELECT MAX(created_at) FROM staff_tokens
                WHERE staff_id = ? AND used_at IS NULL AND expires_at > ? AND created_at > ?""")
                .params(staffId, Timestamp.from(clock.instant()), Timestamp.from(since))
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** A link never issued (tampered or made up), unlike a used or expired one, is also a security event. */
    boolean isUsable(String rawToken) {
        boolean usable = jdbc.sql("""
                SELECT COUNT(*) FROM staff_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
                .params(OneTimeToken.hashOf(rawToken), Timestamp.from(clock.instant()))
                .query(Long.class).single() > 0;
        if (!usable && !wasIssued(rawToken)) {
            securityEvents.unknownToken("staff_set_password");
        }
        return usable;
    }

    /** Whether the token was ever issued, used or expired since: anything else is a guess or tampered. */
    boolean wasIssued(String rawToken) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_tokens WHERE token_hash = ?").param(OneTimeToken.hashOf(rawToken))
                .query(Long.class).single() > 0;
    }

    /** Marks the token used and answers its staff member; empty if unknown, expired or already used. */
    Optional<Long> consume(String rawToken) {
        String hash = OneTimeToken.hashOf(rawToken);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE staff_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?""")
                .params(now, hash, now).update();
        if (updated != 1) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT staff_id FROM staff_tokens WHERE token_hash = ?").param(hash)
                .query(Long.class).optional();
    }
}
