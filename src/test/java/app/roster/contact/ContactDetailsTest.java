package app.roster.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactDetailsTest {

    static ContactDetails details(String first, String email, Set<Category> subscriptions) {
        return new ContactDetails(first, "Tester", null, ContactDetails.email(email), null, null, null, null, null,
                null, null, null, subscriptions);
    }

    @Test
    void normalisesTextAndTheAddress() {
        ContactDetails d = new ContactDetails("  Ann ", "Lee", "  ", ContactDetails.email(" Ann@Example.COM "), "",
                null, null, null, null, null, "fr", null, EnumSet.of(Category.INVOICE, Category.GENERAL));
        assertThat(d.firstName()).isEqualTo("Ann");
        assertThat(d.company()).isNull();
        assertThat(d.phone()).isNull();
        assertThat(d.country()).isEqualTo("FR");
        assertThat(d.email().value()).isEqualTo("ann@example.com");
        assertThat(Category.join(d.subscriptions())).isEqualTo("general,invoice");
        assertThat(details("Ann", "a@example.com", Set.of(Category.DOMAIN, Category.GENERAL, Category.SUPPORT))
                .subscriptions()).containsExactly(Category.GENERAL, Category.SUPPORT, Category.DOMAIN);
    }

    @Test
    void rejectsEachBadFieldByName() {
        assertRefused(() -> details(" ", "a@example.com", Set.of()), "firstName", "contact.error.required");
        assertRefused(() -> details("x".repeat(101), "a@example.com", Set.of()), "firstName", "contact.error.tooLong");
        assertRefused(() -> details("A\u0000nn", "a@example.com", Set.of()), "firstName", "contact.error.control");
        assertRefused(() -> details("Ann\u202E", "a@example.com", Set.of()), "firstName", "contact.error.control");
        assertRefused(() -> details("Ann", "not-an-address", Set.of()), "email", "contact.error.email");
        assertRefused(() -> details("Ann", null, Set.of()), "email", "contact.error.email");
        assertRefused(() -> new ContactDetails("Ann", "Lee", null, ContactDetails.email("a@example.com"), null, null,
                null, null, null, null, "F1", null, Set.of()), "country", "contact.error.country");
    }

    @Test
    void categoriesRoundTripAndIgnoreUnknownCodes() {
        assertThat(Category.split("invoice,bogus,domain")).containsExactly(Category.INVOICE, Category.DOMAIN);
        assertThat(Category.split("")).isEmpty();
        assertThat(Category.fromCode("affiliate")).contains(Category.AFFILIATE);
        assertThat(Category.fromCode("AFFILIATE")).isEmpty();
    }

    @Test
    void anAuditedChangeListsOnlyWhatChanged() {
        var before = details("Ann", "a@example.com", Set.of(Category.GENERAL));
        var after = details("Ann", "b@example.com", Set.of(Category.GENERAL, Category.SUPPORT));
        assertThat(ChangeContact.changes(before, after)).containsOnlyKeys("email", "subscriptions")
                .containsEntry("email", "a@example.com → b@example.com");
    }

    private static void assertRefused(Runnable action, String field, String key) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ContactRefused.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
