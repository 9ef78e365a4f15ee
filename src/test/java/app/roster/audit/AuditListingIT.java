package app.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.Actor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.KeysetWalk;
import app.roster.support.Rows;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail newest first, filtered by account, actor, user, action and time. Account A's 40 entries lie an hour
 * apart, in threes that share one microsecond (so a page boundary falls inside a tie); account B has its own.
 */
@IntegrationTest
class AuditListingIT {

    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::occurredAt)
            .thenComparing(AuditEntry::id).reversed();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditListing trail;

    Rows rows;
    String action;
    long a;
    long b;
    long user;
    Instant start;
    List<Long> inA = new ArrayList<>();
    List<Long> inB = new ArrayList<>();

    @BeforeEach
    void twoAccounts() {
        rows = new Rows(jdbc);
        action = "test.listed-" + UUID.randomUUID().toString().substring(0, 8);
        user = rows.user("actor", "Ada", "Actor");
        a = rows.account("Alpha", null, user);
        b = rows.account("Beta", null, rows.user("bowner", "Bo", "B"));
        start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < 40; i++) {
            Instant at = start.plus(Duration.ofHours(i / 3));
            inA.add(rows.audit(at, i % 4 == 0 ? action : "test.other", i % 2 == 0 ? "USER" : "STAFF",
                    i % 2 == 0 ? user : 7L, a, i % 5 == 0 ? user : null));
            if (i % 6 == 0) {
                inB.add(rows.audit(at, action, "USER", user, b, user));
            }
        }
    }

    @Test
    void anAccountsEntriesNewestFirstWithTiesByIdAcrossPageBoundaries() {
        List<AuditEntry> all = KeysetWalk.all(page -> trail.listInAccount(a, AuditQuery.EVERYTHING, page), 4);

        assertThat(all).isSortedAccordingTo(NEWEST_FIRST).extracting(AuditEntry::id)
                .containsExactlyElementsOf(inA.reversed());
        assertThat(all.getFirst().occurredAt()).isEqualTo(start.plus(Duration.ofHours(13)));
        assertThat(all).allSatisfy(entry -> assertThat(entry.accountId()).isEqualTo(a));
    }

    @Test
    void filtersByActorUserActionAndTimeRange() {
        AuditQuery byActor = new AuditQuery(null, Actor.Type.STAFF, 7L, null, null, null, null);
        AuditQuery byUser = new AuditQuery(null, null, null, user, null, null, null);
        AuditQuery byAction = new AuditQuery(null, null, null, null, action.toUpperCase(), null, null);
        AuditQuery byTime = new AuditQuery(null, null, null, null, null, start.plus(Duration.ofHours(2)),
                start.plus(Duration.ofHours(5)));

        assertThat(ids(a, byActor)).containsExactlyElementsOf(every(2, 1));
        assertThat(ids(a, byUser)).containsExactlyElementsOf(every(5, 0));
        assertThat(ids(a, byAction)).containsExactlyElementsOf(every(4, 0));
        assertThat(ids(a, byTime)).containsExactlyElementsOf(inA.subList(6, 15).reversed());
        assertThat(ids(a, new AuditQuery(null, Actor.Type.USER, user, null, action, start, null)))
                .containsExactlyElementsOf(every(4, 0));
        assertThat(ids(a, new AuditQuery(null, null, null, null, "test.other\u0000", null, null))).isEmpty();
        List<Long> everywhere = KeysetWalk.all(page -> trail.list(new AuditQuery(null, null, null, null, action,
                null, null), page), 3).stream().map(AuditEntry::id).toList();
        assertThat(everywhere).containsExactlyInAnyOrderElementsOf(concat(every(4, 0), inB));
    }

    @Test
    void anAccountsCredentialNeverSeesAnotherAccountsEntriesWhateverItAsks() {
        AuditQuery asksForB = new AuditQuery(b, null, null, null, action, null, null);

        assertThat(ids(a, asksForB)).containsExactlyElementsOf(every(4, 0)).doesNotContainAnyElementsOf(inB);
        assertThat(ids(b, AuditQuery.EVERYTHING)).containsExactlyElementsOf(inB.reversed());
    }

    @Test
    void walkingEveryPageWhileEntriesAreWrittenGivesEachOnceAndNewOnesAfterOrNotAtAll() {
        List<Long> newer = new ArrayList<>();
        List<Long> older = new ArrayList<>();

        List<AuditEntry> seen = KeysetWalk.all(page -> trail.listInAccount(a, AuditQuery.EVERYTHING, page), 5, () -> {
            newer.add(rows.audit(Instant.now(), action, "USER", user, a, null));
            // a node whose clock is behind writes an entry older than every one so far: it comes at the end
            older.add(rows.audit(start.minus(Duration.ofMinutes(newer.size())), action, "USER", user, a, null));
            rows.audit(start, action, "USER", user, b, null);
        });

        List<Long> ids = seen.stream().map(AuditEntry::id).toList();
        assertThat(seen).isSortedAccordingTo(NEWEST_FIRST);
        assertThat(ids).doesNotHaveDuplicates().doesNotContainAnyElementsOf(newer);
        assertThat(ids.subList(0, inA.size())).containsExactlyElementsOf(inA.reversed());
        assertThat(ids.subList(inA.size(), ids.size())).isSubsetOf(older).isNotEmpty();
    }

    @Test
    void aTamperedOrForeignCursorIsRefused() {
        KeysetPage<AuditEntry> first = trail.listInAccount(a, AuditQuery.EVERYTHING, Keyset.first(3));
        String next = first.next();
        String foreign = app.roster.shared.Cursor.of("members", first.items().getLast().id()).encoded();
        String wrongKey = new app.roster.shared.Cursor("audit", "yesterday", 5).encoded();
        String farFuture = new app.roster.shared.Cursor("audit", Long.toString(Long.MAX_VALUE), 5).encoded();

        for (String cursor : List.of(next.replace(next.charAt(5), next.charAt(5) == 'Q' ? 'R' : 'Q'), foreign,
                wrongKey, farFuture)) {
            assertThatThrownBy(() -> trail.listInAccount(a, AuditQuery.EVERYTHING, new Keyset(cursor, 3)))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                        assertThat(refusal.field()).isEqualTo("cursor");
                    });
        }
        assertThat(trail.listInAccount(a, AuditQuery.EVERYTHING, new Keyset(next, 3)).items())
                .extracting(AuditEntry::id).containsExactlyElementsOf(inA.reversed().subList(3, 6));
    }

    private List<Long> ids(long account, AuditQuery query) {
        return KeysetWalk.all(page -> trail.listInAccount(account, query, page), 2).stream().map(AuditEntry::id)
                .toList();
    }

    /** A's entries i with i % step == offset, newest first. */
    private List<Long> every(int step, int offset) {
        List<Long> chosen = new ArrayList<>();
        for (int i = 0; i < inA.size(); i++) {
            if (i % step == offset) {
                chosen.add(inA.get(i));
            }
        }
        return chosen.reversed();
    }

    private static List<Long> concat(List<Long> one, List<Long> other) {
        List<Long> all = new ArrayList<>(one);
        all.addAll(other);
        return all;
    }
}
