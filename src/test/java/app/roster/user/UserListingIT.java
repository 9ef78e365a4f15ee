package app.roster.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.Cursor;
import app.roster.shared.Keyset;
import app.roster.shared.Language;
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

/** Every user by id, searched by email, first or last name prefix; each search starts with this test's own word. */
@IntegrationTest
class UserListingIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserListing users;

    Rows rows;
    String word;
    List<Long> byEmail = new ArrayList<>();
    List<Long> byFirst = new ArrayList<>();
    List<Long> byLast = new ArrayList<>();

    @BeforeEach
    void users() {
        rows = new Rows(jdbc);
        word = "kw" + UUID.randomUUID().toString().substring(0, 6);
        String capitalised = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        for (int i = 0; i < 8; i++) {
            byEmail.add(rows.user(word + i, "Emma", "Mail"));
            byFirst.add(rows.user("first", capitalised + "ina", "First"));
            byLast.add(rows.user("last", "Lars", capitalised + "sson"));
            rows.user("nobody", "No", "Body");
        }
        jdbc.sql("UPDATE users SET email_verified = TRUE, totp_secret = 'x', language = 'fr' WHERE id = ?")
                .param(byEmail.getFirst()).update();
    }

    @Test
    void searchesEmailFirstAndLastNamePrefixesInIdOrder() {
        List<ListedUser> found = KeysetWalk.all(page -> users.list(SearchTerm.of(word.toUpperCase()), page), 3);

        List<Long> expected = new ArrayList<>(byEmail);
        expected.addAll(byFirst);
        expected.addAll(byLast);
        assertThat(found).extracting(ListedUser::id).containsExactlyElementsOf(expected.stream().sorted().toList());
        ListedUser first = found.getFirst();
        assertThat(first.email()).startsWith(word + "0-");
        assertThat(first.emailVerified()).isTrue();
        assertThat(first.twoFactorEnabled()).isTrue();
        assertThat(first.language()).isEqualTo(Language.FR);
        assertThat(first.createdAt()).isNotNull();
        assertThat(first.lastLoginAt()).isNull();
        assertThat(found.get(1).twoFactorEnabled()).isFalse();
        assertThat(KeysetWalk.all(page -> users.list(SearchTerm.of(word + "ina"), page), 5)).extracting(ListedUser::id)
                .containsExactlyElementsOf(byFirst);
        assertThat(users.list(SearchTerm.of(word + "_"), Keyset.first(200)).items()).isEmpty();
    }

    @Test
    void walkingEveryUserWhileUsersRegisterGivesEachOnceAndNewOnesAfter() {
        List<Long> registered = new ArrayList<>();
        long lastBefore = rows.user("marker", "Mark", "Er");

        List<Long> seen = KeysetWalk.all(page -> users.list(SearchTerm.of(null), page), 40,
                () -> registered.add(rows.user(word + "late", "Late", "Comer"))).stream().map(ListedUser::id).toList();

        assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(byEmail).containsAll(byFirst)
                .containsAll(byLast).contains(lastBefore);
        assertThat(seen.stream().filter(id -> id > lastBefore).toList()).isSubsetOf(registered);
    }

    @Test
    void aTamperedOrForeignCursorIsRefused() {
        String next = users.list(SearchTerm.of(word), Keyset.first(2)).next();

        for (String cursor : List.of(next.substring(0, next.length() - 1), Cursor.of("accounts", 1).encoded())) {
            assertThatThrownBy(() -> users.list(SearchTerm.of(word), new Keyset(cursor, 2)))
                    .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.field()).isEqualTo("cursor"));
        }
    }
}
