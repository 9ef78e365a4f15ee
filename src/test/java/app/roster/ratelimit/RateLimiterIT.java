package app.roster.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.roster.security.SecurityEvents;
import app.roster.support.IntegrationTest;
import app.roster.support.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API's per-request counter ({@link RateLimiter#take}): its commit no longer waits for the disk on PostgreSQL,
 * but every slot is still counted in the shared row, so the limit holds across nodes.
 */
@IntegrationTest
class RateLimiterIT {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    SecurityEvents securityEvents;
    @Autowired
    RefusalMeters meters;
    @Autowired
    DataSource dataSource;

    @Test
    void everySlotIsCountedInTheSharedRowAndTheLimitHolds() {
        String bucket = "test:" + UUID.randomUUID();

        RateLimiter.Slot first = limiter.take(bucket, 3, MINUTE);
        RateLimiter.Slot second = limiter.take(bucket, 3, MINUTE);

        assertThat(first.taken()).isTrue();
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(second.remaining()).isEqualTo(1);
        assertThat(hits(bucket)).as("committed, visible to every other connection and node").isEqualTo(2);

        // Another node took the last slot meanwhile: this one sees it on its next request.
        jdbc.sql("UPDATE rate_limits SET hits = hits + 1 WHERE bucket = ?").param(bucket).update();
        RateLimiter.Slot refused = limiter.take(bucket, 3, MINUTE);

        assertThat(refused.taken()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(limiter.take(bucket, 3, MINUTE).taken()).as("and so is every later one in the window").isFalse();
        assertThat(hits(bucket)).as("refused requests count no further than one past the limit").isBetween(3, 4);
        assertThat(limiter.take("test:" + UUID.randomUUID(), 3, MINUTE).taken()).as("another bucket, its own budget")
                .isTrue();
    }

    @Test
    void aWindowThatHasEndedStartsAgainWithTheNextRequest() {
        String bucket = "test:" + UUID.randomUUID();
        limiter.take(bucket, 1, MINUTE);
        assertThat(limiter.take(bucket, 1, MINUTE).taken()).isFalse();

        jdbc.sql("UPDATE rate_limits SET window_start = window_start - INTERVAL '61' SECOND WHERE bucket = ?")
                .param(bucket).update();
        RateLimiter.Slot again = limiter.take(bucket, 1, MINUTE);

        assertThat(again.taken()).isTrue();
        assertThat(again.remaining()).isZero();
        assertThat(again.reset()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
        assertThat(hits(bucket)).isEqualTo(1);
    }

    @Test
    void aCallersRolledBackTransactionKeepsTheSlot() {
        String bucket = "test:" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            limiter.take(bucket, 3, MINUTE);
            status.setRollbackOnly();
        });

        assertThat(hits(bucket)).as("committed on its own").isEqualTo(1);
    }

    @Test
    void theRelaxedCommitStaysWithinTheCountersOwnTransaction() {
        assumeThat(TestInfrastructure.onPostgres()).as("synchronous_commit is PostgreSQL's").isTrue();

        // The test server commits without waiting anyway (zonky's default): this connection waits, as a production
        // server's do. Hikari hands a thread the connection it used last, so the counter's transaction and the
        // check below run on it too.
        jdbc.sql("SET synchronous_commit = on").update();
        try {
            limiter.take("test:" + UUID.randomUUID(), 3, MINUTE);

            // A plain SET would leave every later transaction on the pooled connection committing without waiting.
            assertThat(jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single())
                    .isEqualTo("on");
        } finally {
            jdbc.sql("RESET synchronous_commit").update();
        }
    }

    @Test
    void onPostgresANodeCountsSlotsAheadInTheSharedRowAndHandsThemOutOneByOne() {
        assumeThat(TestInfrastructure.onPostgres()).as("the lease is the upsert's").isTrue();
        String bucket = "test:" + UUID.randomUUID();

        assertThat(limiter.take(bucket, 10_000, MINUTE).remaining()).isEqualTo(9_999);
        assertThat(hits(bucket)).as("one slot while nothing is known").isEqualTo(1);
        assertThat(limiter.take(bucket, 10_000, MINUTE).remaining()).isEqualTo(9_998);
        assertThat(hits(bucket)).as("then a lease of %d, counted at once", RateLimiter.MAX_LEASE)
                .isEqualTo(1 + RateLimiter.MAX_LEASE);

        RateLimiter.Slot last = null;
        for (int i = 1; i < RateLimiter.MAX_LEASE; i++) {
            last = limiter.take(bucket, 10_000, MINUTE);
        }
        assertThat(last.remaining()).as("each request its own slot").isEqualTo(10_000 - 1 - RateLimiter.MAX_LEASE);
        assertThat(hits(bucket)).as("with no statement of its own").isEqualTo(1 + RateLimiter.MAX_LEASE);
        limiter.take(bucket, 10_000, MINUTE);
        assertThat(hits(bucket)).as("the lease spent, the next one").isEqualTo(1 + 2 * RateLimiter.MAX_LEASE);
    }

    @Test
    void onPostgresTwoNodesLeasingSlotsNeverTogetherExceedTheLimit() throws Exception {
        assumeThat(TestInfrastructure.onPostgres()).as("the lease is the upsert's").isTrue();
        RateLimiter otherNode = new RateLimiter(jdbc, clock, securityEvents, meters, dataSource);
        String bucket = "test:" + UUID.randomUUID();
        int limit = 400;

        int taken = 0;
        for (int i = 0; i < 2 * limit; i++) {
            taken += (i % 3 == 0 ? otherNode : limiter).take(bucket, limit, MINUTE).taken() ? 1 : 0;
        }

        // Each node's last lease (a twentieth of what was left, so at most 20 slots here) may go partly unspent.
        assertThat(taken).isLessThanOrEqualTo(limit).isGreaterThanOrEqualTo(limit - 2 * 20);
        assertThat(hits(bucket)).isEqualTo(limit + 1);
    }

    private int hits(String bucket) {
        return jdbc.sql("SELECT hits FROM rate_limits WHERE bucket = ?").param(bucket).query(Integer.class).single();
    }
}
