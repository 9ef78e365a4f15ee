package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An account has exactly one owner at every moment, however many hand-overs race. */
@IntegrationTest
class OwnershipRaceIT {

    @Autowired
    Registrations registrations;
    @Autowired
    TransferOwnership transferOwnership;
    @Autowired
    AccountAccess access;
    @Autowired
    JdbcClient jdbc;

    @Test
    void racingHandOversLeaveExactlyOneOwner() throws Exception {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        List<Person> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Person candidate = registrations.registerVerified("Cand" + i);
            jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, '', ?)")
                    .params(account, candidate.id(), Timestamp.from(Instant.now())).update();
            candidates.add(candidate);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> handOvers = new ArrayList<>();
        for (Person candidate : candidates) {
            handOvers.add(() -> {
                start.await();
                try {
                    transferOwnership.transfer(new Actor.Member(owner.id(), account), account, candidate.id(), owner.password());
                    return true;
                } catch (MembershipRefused refused) {
                    return false;
                }
            });
        }
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(handOvers.size())) {
            handOvers.forEach(h -> results.add(pool.submit(h)));
            start.countDown();
        }

        long succeeded = results.stream().filter(f -> f.resultNow()).count();
        assertThat(succeeded).isEqualTo(1);
        long newOwner = jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(account).query(Long.class).single();
        assertThat(candidates.stream().map(Person::id)).contains(newOwner);
        assertThat(access.may(owner.id(), account, PermissionCatalogue.USERS))
                .as("the former owner keeps every permission").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE account_id = ? AND action = 'membership.ownership_transferred'")
                .param(account).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theAccessCheckFollowsTheDatabaseOnEveryCall() {
        Person owner = registrations.registerVerified("Olga");
        Person member = registrations.registerVerified("Mia");
        long account = registrations.accountOf(owner);
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'invoices', ?)")
                .params(account, member.id(), Timestamp.from(Instant.now())).update();

        assertThat(access.may(member.id(), account, "invoices")).isTrue();
        assertThat(access.may(member.id(), account, "profile")).isFalse();
        assertThat(access.may(owner.id(), account, "profile")).isTrue();
        assertThat(access.may(member.id(), account + 1_000_000, "invoices")).isFalse();

        jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ?").params(account, member.id()).update();
        assertThat(access.may(member.id(), account, "invoices")).isFalse();
    }
}
