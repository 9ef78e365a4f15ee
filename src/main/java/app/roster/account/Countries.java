package app.roster.account;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /** Every country, sorted by its name in this language as a reader of it would sort them. */
    public List<Country> in(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Stream.of(Locale.getISOCountries())
                .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }
}
