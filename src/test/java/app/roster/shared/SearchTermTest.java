package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTermTest {

    @Test
    void stripsAndLowerCasesWithRootLocale() {
        SearchTerm term = SearchTerm.of("  IVAN ");
        assertThat(term.exact()).isEqualTo("ivan");
        assertThat(term.prefixPattern()).isEqualTo("ivan%");
        assertThat(term.isBlank()).isFalse();
    }

    @Test
    void takesLikeWildcardsLiterally() {
        assertThat(SearchTerm.of("50%_a\\b").prefixPattern()).isEqualTo("50\\%\\_a\\\\b%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void nothingTypedListsEverything(String typed) {
        assertThat(SearchTerm.of(typed).isBlank()).isTrue();
        assertThat(SearchTerm.of(typed).searchable()).isTrue();
        assertThat(SearchTerm.of(null).isBlank()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "olga\u0000", "\u0000olga", "ol\u0001ga", "o\u202el", "zero\u200bwidth",
        "ol\nga", "line\u2028break", "lone\ud800surrogate"})
    void aTermWithACharacterNoStoredValueHoldsMatchesNothingAndNeverReachesTheDatabase(String typed) {
        SearchTerm term = SearchTerm.of(typed);
        assertThat(term.isBlank()).isFalse();
        assertThat(term.searchable()).isFalse();
        assertThat(term.prefixPattern()).isNull();
        assertThat(term.exact()).isNull();
    }

    @Test
    void lettersOfAnyScriptAndSpacesInsideAreSearchable() {
        assertThat(SearchTerm.of("Müller & Söhne").prefixPattern()).isEqualTo("müller & söhne%");
        assertThat(SearchTerm.of("Δημήτρης").searchable()).isTrue();
    }
}
