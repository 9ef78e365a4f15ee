package app.roster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class EntityTagTest {

    @Test
    void aVersionIsAStrongTagAndComesBack() {
        assertThat(EntityTag.of(3)).isEqualTo("\"3\"");
        assertThat(EntityTag.required("\"3\"")).isEqualTo(3);
        assertThat(EntityTag.required(" \"12\" ")).isEqualTo(12);
    }

    @Test
    void noTagOrAnyTagIs428WhenRequiredAndNoVersionWhenOptional() {
        for (String none : new String[] {null, "", " ", "*"}) {
            assertThatThrownBy(() -> EntityTag.required(none)).isInstanceOfSatisfying(ResponseStatusException.class,
                    e -> assertThat(e.getStatusCode().value()).isEqualTo(428));
            assertThat(EntityTag.optional(none)).isEmpty();
        }
    }

    @Test
    void aWeakTagAListOrGarbageMatchesNothing() {
        for (String other : new String[] {"W/\"3\"", "\"3\", \"4\"", "3", "\"x\"", "\"\"",
                "\"99999999999999999999\"", "\"9999999999999999999\""}) {
            assertThatThrownBy(() -> EntityTag.required(other)).as(other)
                    .isInstanceOfSatisfying(ResponseStatusException.class,
                            e -> assertThat(e.getStatusCode().value()).isEqualTo(412));
        }
    }
}
