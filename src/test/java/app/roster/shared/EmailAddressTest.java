package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void trimsAndLowerCasesWithRootLocale() {
        assertThat(EmailAddress.of("  Jane.Doe+Billing@Example.COM ").value()).isEqualTo("jane.doe+billing@example.com");
    }

    @Test
    void keepsPlusTagsAndDotsBecauseTheyMayBeOtherMailboxes() {
        assertThat(EmailAddress.of("a.b+c@example.com")).isNotEqualTo(EmailAddress.of("ab@example.com"));
    }

    @Test
    void convertsAnInternationalDomainToAscii() {
        assertThat(EmailAddress.of("kunde@bücher.de").value()).isEqualTo("kunde@xn--bcher-kva.de");
    }

    @Test
    void isCaseInsensitiveThroughItsCanonicalForm() {
        assertThat(EmailAddress.of("USER@EXAMPLE.COM")).isEqualTo(EmailAddress.of("user@example.com"));
    }

    @Test
    void masksTheLocalPart() {
        assertThat(EmailAddress.of("jane@example.com").masked()).isEqualTo("j***@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "plain", "@example.com", "jane@", "jane@localhost", "jane@@example.com",
        "ja ne@example.com", "jane@exa mple.com", "jane\u0000@example.com", "jane\u200b@example.com",
        "jane\u202e@example.com", "jäne@example.com", ".jane@example.com", "jane.@example.com", "ja..ne@example.com",
        "jane@-example.com", "jane@example..com"})
    void refusesWhatIsNotACleanAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw)).isInstanceOf(InvalidEmailAddressException.class);
    }

    @Test
    void refusesAnAddressLongerThan254Characters() {
        String local = "a".repeat(64);
        String domain = ("b".repeat(60) + ".").repeat(4) + "com";
        assertThatThrownBy(() -> EmailAddress.of(local + "@" + domain)).isInstanceOf(InvalidEmailAddressException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> new EmailAddress(null)).isInstanceOf(InvalidEmailAddressException.class);
    }
}
