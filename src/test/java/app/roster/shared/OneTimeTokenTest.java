package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class OneTimeTokenTest {

    @Test
    void holdsAtLeast128RandomBits() {
        OneTimeToken token = OneTimeToken.generate();
        assertThat(Base64.getUrlDecoder().decode(token.value())).hasSizeGreaterThanOrEqualTo(16);
        assertThat(OneTimeToken.generate()).isNotEqualTo(token);
    }

    @Test
    void storesOnlyAHashThatIsNotTheToken() {
        OneTimeToken token = OneTimeToken.generate();
        assertThat(token.hash()).hasSize(64).isNotEqualTo(token.value()).isEqualTo(OneTimeToken.hashOf(token.value()));
    }

    @Test
    void neverPrintsItself() {
        OneTimeToken token = OneTimeToken.generate();
        assertThat(token.toString()).doesNotContain(token.value());
    }
}
