package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.Actor;
import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.Refusal;
import app.roster.shared.SearchTerm;
import app.roster.support.IntegrationTest;
import app.roster.support.KeysetWalk;
import app.roster.support.Rows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keyset lists of memberships: an account's members (account A: owner and 30 others, some waiting; account B
 * next door) and a user's accounts.
 */
@IntegrationTest
class MemberListingIT {

    /** Support staff read a user's accounts, as the Admin Area's user page does. */
    private static final Actor STAFF = new Actor.Staff(1, Actor.Staff.Role.SUPPORT, "Sam Support", "sam@example.com");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MemberListing members;
    @Autowired
    MembershipListing memberships;
    @Autowired
    PermissionCatalogue catalogue;

    Rows rows;
    long owner;
    long a;
    long b;
    List<Long> inA = new ArrayList<>();
    List<Long> inB = new ArrayList<>();

    @BeforeEach
    void twoAccounts() {
        rows = new Rows(jdbc);
        owner = rows.user("owner", "Olga", "Owner");
        a = rows.account("Alpha", null, owner);
        inA.add(owner);
        long bOwner = rows.user("bowner", "Bruno", "Other");
        b = rows.account("Beta", null, bOwner);
        inB.add(bOwner);
        for (int i = 0; i < 30; i++) {
            long user = rows.user(i % 3 == 0 ? "zed" : "member", i % 5 == 0 ? "Zelda" : "Max", "Mu" + i);
            rows.member(a, user, i % 2 == 0 ? "invoices,tickets,nonsense" : "");
            inA.add(user);
            if (i % 4 == 0) {
                long neighbour = rows.user("zed", "Zelda", "Next");
                rows.member(b, neighbour, "invoices");
                inB.add(neighbour);
            }
        }
        jdbc.sql("UPDATE memberships SET active = FALSE WHERE account_id = ? AND user_id = ?").params(a, inA.get(3))
                .update();
    }

    @Test
    void listsTheAccountsUsersByIdWithTheirPermissionsInEffect() {
        List<ListedMember> all = KeysetWalk.all(page -> members.list(a, SearchTerm.of(null), page), 7);

        assertThat(all).extracting(ListedMember::userId).containsExactlyElementsOf(inA.stream().sorted().toList());
        ListedMember first = all.getFirst();
        assertThat(first.userId()).isEqualTo(owner);
        assertThat(first.owner()).isTrue();
        assertThat(first.permissions()).isEqualTo(catalogue.everything());
        assertThat(first.email()).startsWith("owner-");
        assertThat(first.firstName()).isEqualTo("Olga");
        ListedMember second = all.get(1);
        assertThat(second.owner()).isFalse();
        assertThat(second.permissions()).containsExactlyInAnyOrder("invoices", "tickets");
        assertThat(all.get(2).permissions()).isEmpty();
        assertThat(all.stream().filter(member -> !member.active())).extracting(ListedMember::userId)
                .containsExactly(inA.get(3));
        assertThat(all).allSatisfy(member -> assertThat(member.joinedAt()).isNotNull());
    }

    @Test
    void searchesEmailAndNamePrefixesWithinTheAccountOnly() {
        List<ListedMember> zed = KeysetWalk.all(page -> members.list(a, SearchTerm.of(" ZED "), page), 3);
        List<ListedMember> zelda = KeysetWalk.all(page -> members.list(a, SearchTerm.of("zel"), page), 2);
        List<ListedMember> mu1 = KeysetWalk.all(page -> members.list(a, SearchTerm.of("mu1"), page), 200);

        assertThat(zed).hasSize(10).allSatisfy(member -> assertThat(member.email()).startsWith("zed-"));
        assertThat(zed).extracting(ListedMember::userId).isSorted().isSubsetOf(inA);
        assertThat(zelda).hasSize(6).allSatisfy(member -> assertThat(member.firstName()).isEqualTo("Zelda"));
        assertThat(zelda).extracting(ListedMember::userId).isSubsetOf(inA).doesNotContainAnyElementsOf(inB);
        assertThat(mu1).extracting(ListedMember::lastName).containsExactlyInAnyOrder("Mu1", "Mu10", "Mu11", "Mu12",
                "Mu13", "Mu14", "Mu15", "Mu16", "Mu17", "Mu18", "Mu19");
        assertThat(members.list(a, SearchTerm.of("_"), Keyset.first(200)).items()).isEmpty();
        assertThat(members.list(a, SearchTerm.of("zed\u0000"), Keyset.first(200)).items()).isEmpty();
    }

    @Test
    void anotherAccountsMembersNeverAppear() {
        List<Long> seenInB = KeysetWalk.all(page -> members.list(b, SearchTerm.of(null), page), 2).stream()
                .map(ListedMember::userId).toList();

        assertThat(seenInB).containsExactlyElementsOf(inB.stream().sorted().toList()).doesNotContainAnyElementsOf(inA);
        assertThat(members.list(-1, SearchTerm.of(null), Keyset.first(200)).items()).isEmpty();
    }

    @Test
    void walkingEveryPageWhileMembersJoinGivesEachOneOnceAndNewOnesAfterOrNotAtAll() {
        List<Long> before = inA.stream().sorted().toList();
        long older = inB.getFirst();
        List<Long> joined = new ArrayList<>();

        List<Long> seen = KeysetWalk.all(page -> members.list(a, SearchTerm.of(null), page), 4, () -> {
            long newcomer = rows.user("newcomer", "New", "Comer");
            rows.member(a, newcomer, "");
            joined.add(newcomer);
            rows.member(b, rows.user("elsewhere", "Else", "Where"), "");
            if (joined.size() == 2) {
                // B's owner, older than every member of A but its owner, joins A: behind the cursor, not on this walk
                rows.member(a, older, "");
            }
        }).stream().map(ListedMember::userId).toList();

        assertThat(seen).doesNotHaveDuplicates().isSorted();
        assertThat(seen).containsAll(before).doesNotContain(older);
        assertThat(seen.subList(0, before.size())).containsExactlyElementsOf(before);
        assertThat(seen.subList(before.size(), seen.size())).isSubsetOf(joined).isNotEmpty();
    }

    @Test
    void aTamperedOrForeignCursorIsRefusedAndTheLimitHoldsItsBounds() {
        KeysetPage<ListedMember> first = members.list(a, SearchTerm.of(null), Keyset.first(5));
        String next = first.next();
        String tampered = next.substring(0, 3) + (next.charAt(3) == 'A' ? 'B' : 'A') + next.substring(4);

        assertInvalidCursor(() -> members.list(a, SearchTerm.of(null), new Keyset(tampered, 5)));
        assertInvalidCursor(() -> members.list(a, SearchTerm.of(null), new Keyset("garbage!", 5)));
        assertInvalidCursor(() -> members.list(a, SearchTerm.of(null),
                new Keyset(Cursor.of("contacts", first.items().getLast().userId()).encoded(), 5)));
        assertThat(members.list(a, SearchTerm.of(null), Keyset.first(1)).items()).hasSize(1);
        assertThat(members.list(a, SearchTerm.of(null), Keyset.first(200)).items()).hasSize(inA.size());
        assertThat(members.list(a, SearchTerm.of(null), Keyset.of(null, null)).items()).hasSize(inA.size());
        assertThat(members.list(a, SearchTerm.of(null), new Keyset(next, 5)).items().getFirst().userId())
                .isGreaterThan(first.items().getLast().userId());
    }

    @Test
    void aUsersAccountsByIdWithClosedOnesAndWaitingOnesSayingSo() {
        long user = rows.user("many", "Mona", "Many");
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long account = i == 2 ? rows.account("Own " + i, null, user) : rows.account("Acc " + i, null, owner);
            if (i != 2) {
                rows.member(account, user, "invoices");
            }
            accounts.add(account);
        }
        jdbc.sql("UPDATE accounts SET status = 'CLOSED' WHERE id = ?").param(accounts.get(4)).update();
        jdbc.sql("UPDATE memberships SET active = FALSE WHERE account_id = ? AND user_id = ?")
                .params(accounts.get(5), user).update();
        long joinedLater = rows.account("Later", null, owner);
        List<Boolean> joined = new ArrayList<>();

        List<ListedMembership> listed = KeysetWalk.all(page -> memberships.list(STAFF, user, page), 2, () -> {
            if (joined.isEmpty()) {
                rows.member(joinedLater, user, "");
                joined.add(true);
            }
        });

        assertThat(listed).extracting(ListedMembership::accountId).doesNotHaveDuplicates().isSorted()
                .containsExactly(java.util.stream.Stream.concat(accounts.stream(), java.util.stream.Stream.of(joinedLater))
                        .toArray(Long[]::new));
        assertThat(listed.get(2).owner()).isTrue();
        assertThat(listed.get(2).permissions()).isEqualTo(catalogue.everything());
        assertThat(listed.get(0).permissions()).containsExactly("invoices");
        assertThat(listed.get(0).accountName()).isEqualTo("Acc 0");
        assertThat(listed.get(4).accountStatus()).isEqualTo("CLOSED");
        assertThat(listed.get(5).active()).isFalse();
        assertThat(listed).extracting(ListedMembership::accountId).doesNotContain(a, b);
        assertInvalidCursor(() -> memberships.list(STAFF, user, new Keyset(
                members.list(a, SearchTerm.of(null), Keyset.first(1)).next(), 2)));
        assertThatThrownBy(() -> memberships.list(new Actor.Member(user, accounts.get(0)), user, Keyset.first(2)))
                .isInstanceOfSatisfying(Refusal.class, refusal ->
                        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
    }

    private static void assertInvalidCursor(Runnable read) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
            assertThat(refusal.field()).isEqualTo("cursor");
        });
    }
}
