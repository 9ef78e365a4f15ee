package app.roster.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.Refusal;
import app.roster.shared.SearchTerm;
import app.roster.support.IntegrationTest;
import app.roster.support.KeysetWalk;
import app.roster.support.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every account by id, searched by name, company or owner email prefix. The database holds other tests'
 * accounts too, so each search starts with this test's own word.
 */
@IntegrationTest
class AccountListingIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountListing accounts;

    Rows rows;
    String word;
    List<Long> named = new ArrayList<>();
    List<Long> ofCompany = new ArrayList<>();
    List<Long> ofOwner = new ArrayList<>();

    @BeforeEach
    void accounts() {
        rows = new Rows(jdbc);
        word = "kw" + UUID.randomUUID().toString().substring(0, 6);
        long plainOwner = rows.user("plain", "Paula", "Plain");
        long wordOwner = rows.user(word + "owner", "Walter", "Word");
        for (int i = 0; i < 9; i++) {
            named.add(rows.account(word.toUpperCase() + " Client " + i, null, plainOwner));
            ofCompany.add(rows.account("Client " + i, word + " Ltd", plainOwner));
            ofOwner.add(rows.account("Other " + i, "Some Company", wordOwner));
            rows.account("Unrelated " + i, "Nothing", plainOwner);
        }
    }

    @Test
    void searchesNameCompanyAndOwnerEmailPrefixesInIdOrder() {
        List<ListedAccount> found = KeysetWalk.all(page -> accounts.list(SearchTerm.of(word), page), 4);

        List<Long> expected = new ArrayList<>(named);
        expected.addAll(ofCompany);
        expected.addAll(ofOwner);
        assertThat(found).extracting(ListedAccount::id).containsExactlyElementsOf(expected.stream().sorted().toList());
        ListedAccount owned = found.stream().filter(account -> account.id() == ofOwner.getFirst()).findFirst()
                .orElseThrow();
        assertThat(owned.ownerEmail()).startsWith(word + "owner-");
        assertThat(owned.ownerFirstName()).isEqualTo("Walter");
        assertThat(owned.status()).isEqualTo("ACTIVE");
        assertThat(owned.companyName()).isEqualTo("Some Company");
        assertThat(owned.createdAt()).isNotNull();
        assertThat(KeysetWalk.all(page -> accounts.list(SearchTerm.of(word + " client"), page), 200))
                .extracting(ListedAccount::id).containsExactlyElementsOf(named);
        assertThat(accounts.list(SearchTerm.of(word + "%"), Keyset.first(200)).items()).isEmpty();
    }

    @Test
    void walkingEveryAccountWhileAccountsOpenGivesEachOnceAndNewOnesAfter() {
        long owner = rows.user("walker", "Wal", "Ker");
        List<Long> opened = new ArrayList<>();

        List<Long> seen = KeysetWalk.all(page -> accounts.list(SearchTerm.of(null), page), 7,
                () -> opened.add(rows.account(word + " late", null, owner))).stream().map(ListedAccount::id).toList();

        assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(named).containsAll(ofCompany)
                .containsAll(ofOwner);
        assertThat(opened).isNotEmpty();
        long lastBefore = ofOwner.getLast() + 1;
        assertThat(seen.stream().filter(id -> id > lastBefore).toList()).isSubsetOf(opened);
    }

    @Test
    void aTamperedCursorIsRefused() {
        KeysetPage<ListedAccount> first = accounts.list(SearchTerm.of(word), Keyset.first(2));
        String next = first.next();

        assertThatThrownBy(() -> accounts.list(SearchTerm.of(word), new Keyset(next + next, 2)))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.field()).isEqualTo("cursor"));
        assertThat(accounts.list(SearchTerm.of(word), new Keyset(next, 2)).items()).extracting(ListedAccount::id)
                .containsExactly(ofOwner.getFirst(), named.get(1));
    }
}
