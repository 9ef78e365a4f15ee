package app.roster.account;

import app.roster.shared.Language;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The ISO 3166 countries the JDK knows, stored as their two-letter code and shown by their name in the reader's
 * language ({@code ${@countries.in(#locale)}} in a template): the country select of account and contact forms.
 */
@Component("countries")
public class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    /** Sorted once per language: localising and collating ~250 names on every render of a form costs for nothing. */
    private static final Map<Language, List<Country>> SORTED = sortedPerLanguage();

    /** One option: the code that is stored and the name that is shown. */
    public record Country(String code, String name) {
    }

    /** Whether this is an ISO 3166 two-letter code, in any case, spaces around allowed. */
    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code.strip().toUpperCase(Locale.ROOT));
    }

    /** {@link #isKnown(String)} for templates. */
    public boolean knows(String code) {
        return isKnown(code);
    }

    /** Every country, sorted by its name in the page's language (the closest supported one) as its readers sort. */
    public List<Country> in(Locale locale) {
        return SORTED.get(Language.closest(locale));
    }

    private static Map<Language, List<Country>> sortedPerLanguage() {
        Map<Language, List<Country>> sorted = new EnumMap<>(Language.class);
        Arrays.stream(Language.values()).forEach(language -> sorted.put(language, sorted(language.locale())));
        return sorted;
    }

    private static List<Country> sorted(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }
}
