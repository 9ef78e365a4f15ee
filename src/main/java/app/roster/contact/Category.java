package app.roster.contact;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of account notification a contact may subscribe to. */
public enum Category {
    GENERAL, INVOICE, SUPPORT, PRODUCT, DOMAIN, AFFILIATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }

    /** A category as the API spells it: its code, or the code with an "s" ("invoices"), as in the page's labels. */
    public static Optional<Category> fromApi(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String code = name.strip().toLowerCase(Locale.ROOT);
        return fromCode(code).or(() -> code.endsWith("s") ? fromCode(code.substring(0, code.length() - 1))
                : Optional.empty());
    }

    /** Every API spelling {@link #fromApi} takes, for bean validation. */
    public static final String API_PATTERN = "(?i)\\s*(general|invoice|support|product|domain|affiliate)s?\\s*";

    /** The stored form: a comma list of codes in declaration order. */
    static String join(Set<Category> categories) {
        return categories.stream().sorted().map(Category::code).collect(Collectors.joining(","));
    }

    static Set<Category> split(String stored) {
        EnumSet<Category> result = EnumSet.noneOf(Category.class);
        if (stored != null) {
            Arrays.stream(stored.split(",")).map(Category::fromCode).flatMap(Optional::stream).forEach(result::add);
        }
        return result;
    }
}
