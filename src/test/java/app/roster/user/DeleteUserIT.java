package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.roster.shared.Actor;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Deleting a user who belongs to no account, and never one who is being associated at the same moment. */
@IntegrationTest
class DeleteUserIT {

    private static final Actor ADMINISTRATOR = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada",
            "ada@example.com");

    @Autowired
    DeleteUser deleteUser;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aUserWithoutAccountGoesWithTheirTokensAndRecoveryCodes() {
        long lone = loneUser();
        jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)").params(lone, "b".repeat(64)).update();

        assertThat(deleteUser.delete(ADMINISTRATOR, lone)).isTrue();

        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", lone)).isZero();
        assertThat(count("SELECT COUNT(*) FROM recovery_codes WHERE user_id = ?", lone)).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_events WHERE user_id = ? AND action = 'admin.user.deleted'", lone))
                .isOne();
    }

    @Test
    void aUserWithAnAccountOrAWaitingMembershipIsKept() {
        var owner = registrations.registerVerified("Olga");
        long waiting = loneUser();
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, active, created_at) VALUES (?, ?, '', FALSE, CURRENT_TIMESTAMP)")
                .params(registrations.accountOf(owner), waiting).update();

        assertThat(deleteUser.delete(ADMINISTRATOR, owner.id())).isFalse();
        assertThat(deleteUser.delete(ADMINISTRATOR, waiting)).isFalse();
        assertThat(deleteUser.delete(ADMINISTRATOR, Long.MAX_VALUE)).isFalse();

        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", owner.id())).isOne();
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", waiting)).isOne();
    }

    @Test
    void anAssociationCommittedWhileTheDeletionWaitsKeepsTheUserAndTheMembership() throws Exception {
        assumeTrue(TestInfrastructure.onPostgres(), "the foreign key's row lock is PostgreSQL's behaviour");
        long lone = loneUser();
        long account = registrations.accountOf(registrations.registerVerified("Max"));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> association = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, '', CURRENT_TIMESTAMP)")
                        .params(account, lone).update();
                inserted.countDown();
                awaitQuietly(commit);
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> deletion = threads.submit(() -> deleteUser.delete(ADMINISTRATOR, lone));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !deletion.isDone());
            commit.countDown();
            association.get(10, TimeUnit.SECONDS);

            assertThat(deletion.get(10, TimeUnit.SECONDS)).isFalse();
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", lone)).isOne();
        assertThat(count("SELECT COUNT(*) FROM memberships WHERE user_id = ?", lone)).isOne();
    }

    private long loneUser() {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO users (email, password_hash, first_name, last_name, language, created_at)
                VALUES (?, 'x', 'Lone', 'Wolf', 'en', CURRENT_TIMESTAMP)""")
                .param("lone-" + UUID.randomUUID() + "@example.com").update(keys, "id");
        return keys.getKey().longValue();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
