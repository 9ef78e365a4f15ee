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
    void keepsAnInternationalDomainWhateverTheCaseOfItsLetters() {
        assertThat(EmailAddress.of("kunde@BÜCHER.de").value()).isEqualTo("kunde@xn--bcher-kva.de");
        assertThat(EmailAddress.of("kunde@b\u0075\u0308cher.de").value()).as("decomposed ü")
                .isEqualTo("kunde@xn--bcher-kva.de");
        assertThat(EmailAddress.of("info@\u0131stanbul.example").value()).as("dotless i is its own letter")
                .startsWith("info@xn--");
    }

    /** Characters that Unicode case folding or IDNA would turn into another, plain-ASCII address. */
    @ParameterizedTest
    @ValueSource(strings = {
        "mi\u212Ae@example.org",          // Kelvin sign, folds to "k"
        "mi\u212Ae@EXAMPLE.org",
        "\u017Fam@example.org",           // long s, upper-cases to "S"
        "\u0130lker@example.org",         // capital I with dot, lower-cases to "i"
        "\u0131lker@example.org",         // dotless i, upper-cases to "I"
        "\uFF4Aane@example.org",          // full-width j
        "mike@example.\u212Aom",          // Kelvin sign in the domain: IDNA would make it "k"
        "mike@\u017Fample.org",           // long s in the domain
        "mike@\u0130stanbul.example",     // capital I with dot in the domain
        "mike@\uFF45xample.org",          // full-width e in the domain
        "mike@stra\u00DFe.de",            // IDNA 2003 maps ß to "ss": another domain
        "mike@b\u00FC\u212Aher.de"       // a Kelvin sign inside an international label
    })
    void refusesCharactersThatWouldFoldIntoAnotherAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.of(raw)).isInstanceOf(InvalidEmailAddressException.class);
    }

    @Test
    void theKelvinSignDoesNotReachMike() {
        assertThatThrownBy(() -> EmailAddress.of("mi\u212Ae@example.org"))
                .isInstanceOf(InvalidEmailAddressException.class);
        assertThat(EmailAddress.of("MIKE@example.org")).isEqualTo(EmailAddress.of("mike@example.org"));
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
