package app.roster.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.account.Countries.Country;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountriesTest {

    private final Countries countries = new Countries();

    @Test
    void theSortedListIsMadeOncePerLanguageAndSharedByItsRegions() {
        List<Country> english = countries.in(Locale.ENGLISH);
        assertThat(countries.in(Locale.ENGLISH)).isSameAs(english);
        assertThat(countries.in(Locale.UK)).isSameAs(english);
        assertThat(countries.in(Locale.GERMANY)).isSameAs(countries.in(Locale.GERMAN)).isNotSameAs(english);
        assertThat(new Countries().in(Locale.FRENCH)).isSameAs(countries.in(Locale.CANADA_FRENCH));
    }

    @Test
    void aLanguageRosterDoesNotSpeakGetsTheEnglishNames() {
        assertThat(countries.in(Locale.JAPANESE)).isSameAs(countries.in(Locale.ENGLISH));
        assertThat(countries.in(null)).isSameAs(countries.in(Locale.ENGLISH));
    }

    @Test
    void everyCountryIsListedByItsLocalNameInTheOrderItsReadersExpect() {
        List<Country> german = countries.in(Locale.GERMAN);
        assertThat(german).hasSize(Locale.getISOCountries().length);
        assertThat(german).contains(new Country("AT", "Österreich"), new Country("DE", "Deutschland"));
        List<String> names = german.stream().map(Country::name).toList();
        // A collator puts "Österreich" among the O's; a plain String sort would put it after "Zypern".
        assertThat(names.indexOf("Österreich")).isLessThan(names.indexOf("Pakistan"));
        assertThat(countries.in(Locale.FRENCH)).contains(new Country("DE", "Allemagne"));
    }

    @Test
    void theSharedListCannotBeChanged() {
        assertThatThrownBy(() -> countries.in(Locale.ENGLISH).clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
