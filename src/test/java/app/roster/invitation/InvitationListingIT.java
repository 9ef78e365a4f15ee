package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.invitation.Invitation.Status;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.KeysetWalk;
import app.roster.support.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An account's invitations, newest first, with the status filter. Account A holds, in turn, invitations pending,
 * pending past their expiry (not yet marked by the job), expired, accepted and cancelled; account B a few of each.
 */
@IntegrationTest
class InvitationListingIT {

    private static final List<String> CYCLE = List.of("PENDING", "OVERDUE", "EXPIRED", "ACCEPTED", "CANCELLED");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    InvitationListing invitations;

    Rows rows;
    long inviter;
    long a;
    long b;
    Map<Long, Status> inA;
    List<Long> inB = new ArrayList<>();

    @BeforeEach
    void twoAccounts() {
        rows = new Rows(jdbc);
        inviter = rows.user("inviter", "Ines", "Inviter");
        a = rows.account("Alpha", null, inviter);
        b = rows.account("Beta", null, rows.user("bowner", "Bo", "B"));
        inA = new java.util.HashMap<>();
        for (int i = 0; i < 23; i++) {
            String kind = CYCLE.get(i % CYCLE.size());
            inA.put(invite(a, kind, i % 2 == 0 ? inviter : null), status(kind));
            if (i % 3 == 0) {
                inB.add(invite(b, kind, null));
            }
        }
    }

    @Test
    void listsAllNewestFirstWithTheStatusInForceAndTheInvitersName() {
        List<ListedInvitation> all = KeysetWalk.all(page -> invitations.list(a, Set.of(), page), 4);

        assertThat(all).extracting(item -> item.invitation().id())
                .containsExactlyElementsOf(inA.keySet().stream().sorted(Comparator.reverseOrder()).toList());
        assertThat(all).allSatisfy(item -> assertThat(item.status()).isEqualTo(inA.get(item.invitation().id())));
        assertThat(all).filteredOn(item -> item.invitation().invitedByUserId() != null)
                .isNotEmpty().allSatisfy(item -> assertThat(item.inviterName()).isEqualTo("Ines Inviter"));
        assertThat(all).filteredOn(item -> item.invitation().invitedByUserId() == null)
                .isNotEmpty().allSatisfy(item -> assertThat(item.inviterName()).isNull());
        assertThat(all.getFirst().invitation().permissions()).containsExactly("invoices");
    }

    @Test
    void eachStatusFilterListsExactlyTheInvitationsInThatStatusNow() {
        for (Set<Status> filter : List.of(EnumSet.of(Status.PENDING), EnumSet.of(Status.EXPIRED),
                EnumSet.of(Status.ACCEPTED), EnumSet.of(Status.CANCELLED), EnumSet.of(Status.PENDING, Status.EXPIRED),
                EnumSet.of(Status.EXPIRED, Status.CANCELLED, Status.ACCEPTED), EnumSet.allOf(Status.class))) {
            List<Long> expected = inA.entrySet().stream().filter(entry -> filter.contains(entry.getValue()))
                    .map(Map.Entry::getKey).sorted(Comparator.reverseOrder()).toList();

            List<ListedInvitation> listed = KeysetWalk.all(page -> invitations.list(a, filter, page), 2);

            assertThat(listed).as(filter.toString()).extracting(item -> item.invitation().id())
                    .containsExactlyElementsOf(expected);
            assertThat(listed).as(filter.toString()).allSatisfy(item -> assertThat(filter).contains(item.status()));
        }
        assertThat(KeysetWalk.all(page -> invitations.list(a, EnumSet.of(Status.EXPIRED), page), 200)).hasSize(10);
    }

    @Test
    void anotherAccountsInvitationsNeverAppear() {
        List<Long> seen = KeysetWalk.all(page -> invitations.list(b, Set.of(), page), 3).stream()
                .map(item -> item.invitation().id()).toList();
        List<Long> seenExpired = KeysetWalk.all(page -> invitations.list(b, EnumSet.of(Status.EXPIRED), page), 1)
                .stream().map(item -> item.invitation().id()).toList();

        assertThat(seen).containsExactlyInAnyOrderElementsOf(inB).doesNotContainAnyElementsOf(inA.keySet());
        assertThat(seenExpired).isNotEmpty().isSubsetOf(inB);
    }

    @Test
    void walkingEveryPageWhileInvitationsAreSentGivesEachOneOnceAndTheNewOnesNotAtAll() {
        List<Long> sentMeanwhile = new ArrayList<>();
        Set<Status> filter = EnumSet.of(Status.EXPIRED, Status.PENDING);

        List<Long> seen = KeysetWalk.all(page -> invitations.list(a, filter, page), 2, () -> {
            sentMeanwhile.add(invite(a, "PENDING", inviter));
            sentMeanwhile.add(invite(a, "OVERDUE", null));
            invite(b, "PENDING", null);
        }).stream().map(item -> item.invitation().id()).toList();

        assertThat(seen).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotContainAnyElementsOf(sentMeanwhile);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(inA.entrySet().stream()
                .filter(entry -> filter.contains(entry.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet()));
        assertThat(sentMeanwhile).isNotEmpty();
    }

    @Test
    void aTamperedOrForeignCursorIsRefused() {
        KeysetPage<ListedInvitation> first = invitations.list(a, EnumSet.of(Status.EXPIRED), Keyset.first(2));
        String next = first.next();
        String tampered = next.substring(0, next.length() - 2) + (next.charAt(next.length() - 2) == 'x' ? 'y' : 'x')
                + next.charAt(next.length() - 1);

        for (String cursor : List.of(tampered, "", "!!", app.roster.shared.Cursor.of("members", 5).encoded())) {
            if (cursor.isEmpty()) {
                assertThat(invitations.list(a, Set.of(), new Keyset(cursor, 2)).items()).hasSize(2);
                continue;
            }
            assertThatThrownBy(() -> invitations.list(a, Set.of(), new Keyset(cursor, 2)))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> {
                        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                        assertThat(refusal.field()).isEqualTo("cursor");
                    });
        }
        assertThat(invitations.list(a, Set.of(), Keyset.first(1)).items()).hasSize(1);
        assertThat(invitations.list(a, Set.of(), Keyset.first(200)).items()).hasSize(23);
    }

    private long invite(long account, String kind, Long by) {
        Instant now = Instant.now();
        String stored = kind.equals("OVERDUE") ? "PENDING" : kind;
        Instant expires = kind.equals("PENDING") ? now.plus(Duration.ofDays(7)) : now.minus(Duration.ofHours(1));
        return rows.invitation(account, stored, expires, by);
    }

    private static Status status(String kind) {
        return kind.equals("OVERDUE") ? Status.EXPIRED : Status.valueOf(kind);
    }
}
