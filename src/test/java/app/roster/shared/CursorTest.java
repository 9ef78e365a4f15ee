package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void comesBackAsItWasGivenOut() {
        Cursor cursor = new Cursor("audit", "1764633600123456", 42);
        String encoded = cursor.encoded();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(Cursor.decode("audit", encoded)).isEqualTo(cursor);
        assertThat(Cursor.decode("audit", encoded).numericKey()).isEqualTo(1764633600123456L);
        assertThat(Cursor.decode("members", Cursor.of("members", Long.MAX_VALUE).encoded()).id())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void everyChangedCharacterIsRefused() {
        String encoded = Cursor.of("members", 1234).encoded();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < encoded.length(); i++) {
            for (char replacement : new char[] {alphabet.charAt((alphabet.indexOf(encoded.charAt(i)) + 1) % 64),
                '*'}) {
                String tampered = encoded.substring(0, i) + replacement + encoded.substring(i + 1);
                assertRefused("members", tampered);
            }
        }
        assertRefused("members", encoded.substring(0, encoded.length() - 1));
        assertRefused("members", encoded + "A");
    }

    @Test
    void aTimeKeyComesBackToTheMicrosecondAndAnImpossibleOneIsRefused() {
        Instant time = Instant.parse("2026-12-02T03:04:05.123456Z");
        Cursor cursor = Cursor.decode("audit", Cursor.of("audit", time, 7).encoded());

        assertThat(cursor.timeKey()).isEqualTo(time);
        for (String key : new String[] {"9223372036854775807", "-9223372036854775808", "yesterday", ""}) {
            Cursor handMade = Cursor.decode("audit", new Cursor("audit", key, 7).encoded());
            assertThatThrownBy(handMade::timeKey).isInstanceOfSatisfying(Refusal.class,
                    refusal -> assertThat(refusal.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        assertRefused("contacts", Cursor.of("members", 1234).encoded());
    }

    @Test
    void aHandMadeCursorWithoutTheDigestIsRefused() {
        String handMade = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("\u0001members\n\n1".getBytes(StandardCharsets.UTF_8));
        assertRefused("members", handMade);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a cursor", "%00", "AAAA", "====", "\u0000", "ü"})
    void garbageIsRefusedNeverThrownAsSomethingElse(String garbage) {
        assertRefused("members", garbage);
        assertRefused("members", garbage.repeat(600));
    }

    @Test
    void aLimitOutsideOneToTwoHundredIsRefusedAndNoneIsFifty() {
        assertThat(Keyset.of(null, null).limit()).isEqualTo(50);
        assertThat(Keyset.of("", 1).limit()).isEqualTo(1);
        assertThat(Keyset.of(null, 200).limit()).isEqualTo(200);
        assertThat(Keyset.of("", 10).cursor()).isNull();
        assertThat(Keyset.of(null, 10).after("members")).isEmpty();
        for (int limit : new int[] {0, -1, 201, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> Keyset.of(null, limit)).isInstanceOfSatisfying(Refusal.class, refusal -> {
                assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                assertThat(refusal.field()).isEqualTo("limit");
                assertThat(refusal.messageKey()).isEqualTo("limit.invalid");
            });
        }
    }

    @Test
    void aPageKnowsWhetherAnotherFollowsFromTheExtraRow() {
        Keyset two = Keyset.first(2);
        KeysetPage<Long> last = KeysetPage.of(java.util.List.of(1L, 2L), two, id -> Cursor.of("n", id));
        assertThat(last.items()).containsExactly(1L, 2L);
        assertThat(last.hasNext()).isFalse();

        KeysetPage<Long> more = KeysetPage.of(java.util.List.of(1L, 2L, 3L), two, id -> Cursor.of("n", id));
        assertThat(more.items()).containsExactly(1L, 2L);
        assertThat(Cursor.decode("n", more.next()).id()).isEqualTo(2L);
    }

    private static void assertRefused(String list, String encoded) {
        assertThatThrownBy(() -> Cursor.decode(list, encoded)).as(encoded)
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.field()).isEqualTo("cursor");
                    assertThat(refusal.messageKey()).isEqualTo("cursor.invalid");
                });
    }
}
