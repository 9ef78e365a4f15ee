package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "42", "1000000", "9223372036854775807"})
    void aPositiveNumberInPlainDigitsIsAnId(String text) {
        assertThat(Id.parse(text)).isEqualTo(Long.parseLong(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1e3", "-1", "+1", "0", "00", "007", "1.5", "1,5", " 1", "1 ", "0x1F",
        "9223372036854775808", "99999999999999999999", "\u0661\u0662", "\uFF11", "1\u0000"})
    void anythingElseIsAnIdThatDoesNotExist(String text) {
        assertThatThrownBy(() -> Id.parse(text)).isInstanceOf(NotFound.class);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void noIdIsZeroOrNegative(long value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Id.positive(value));
    }
}
