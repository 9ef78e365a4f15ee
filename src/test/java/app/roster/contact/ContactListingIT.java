package app.roster.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.KeysetWalk;
import app.roster.support.Rows;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An account's contacts in the order they were added. Account A: 17 contacts; account B next door: 6. */
@IntegrationTest
class ContactListingIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContactListing contacts;

    Rows rows;
    long a;
    long b;
    List<Long> inA = new ArrayList<>();
    List<Long> inB = new ArrayList<>();

    @BeforeEach
    void twoAccounts() {
        rows = new Rows(jdbc);
        a = rows.account("Alpha", null, rows.user("aowner", "Ann", "A"));
        b = rows.account("Beta", null, rows.user("bowner", "Bo", "B"));
        for (int i = 0; i < 17; i++) {
            inA.add(rows.contact(a, "Contact" + i));
            if (i % 3 == 0) {
                inB.add(rows.contact(b, "Other" + i));
            }
        }
    }

    @Test
    void walkingEveryPageWhileContactsAreAddedGivesEachOnceInOrderAndNewOnesAfter() {
        List<Long> added = new ArrayList<>();

        List<Contact> seen = KeysetWalk.all(page -> contacts.list(a, page), 5, () -> {
            added.add(rows.contact(a, "Late"));
            rows.contact(b, "Elsewhere");
        });

        List<Long> ids = seen.stream().map(Contact::id).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted().startsWith(inA.toArray(Long[]::new));
        assertThat(ids.subList(inA.size(), ids.size())).isSubsetOf(added).isNotEmpty();
        assertThat(seen).allSatisfy(contact -> assertThat(contact.accountId()).isEqualTo(a));
        assertThat(seen.getFirst().details().firstName()).isEqualTo("Contact0");
        assertThat(seen.getFirst().details().subscriptions()).containsExactly(Category.GENERAL);
    }

    @Test
    void anotherAccountsContactsNeverAppear() {
        assertThat(KeysetWalk.all(page -> contacts.list(b, page), 4)).extracting(Contact::id)
                .containsExactlyElementsOf(inB).doesNotContainAnyElementsOf(inA);
        assertThat(contacts.list(-1, Keyset.first(200)).items()).isEmpty();
    }

    @Test
    void aTamperedOrForeignCursorIsRefusedAndTheLimitIsKept() {
        String next = contacts.list(a, Keyset.first(3)).next();
        for (String cursor : List.of(next.toUpperCase(), next.substring(1), Cursor.of("members", inA.get(3)).encoded())) {
            assertThatThrownBy(() -> contacts.list(a, new Keyset(cursor, 3)))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.field()).isEqualTo("cursor"));
        }
        assertThat(contacts.list(a, new Keyset(next, 3)).items()).extracting(Contact::id)
                .containsExactlyElementsOf(inA.subList(3, 6));
        assertThat(contacts.list(a, Keyset.first(1)).items()).hasSize(1);
        assertThat(contacts.list(a, Keyset.first(200)).items()).hasSize(17);
    }
}
