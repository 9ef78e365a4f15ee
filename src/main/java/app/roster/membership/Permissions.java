package app.roster.membership;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The default permission catalogue (WHMCS keys plus {@code users}). The owner holds all of them, always. */
public final class Permissions {

    public static final String PROFILE = "profile";
    public static final String USERS = "users";

    public static final List<String> CATALOGUE = List.of("profile", "contacts", "products", "manageproducts",
            "productsso", "domains", "managedomains", "invoices", "quotes", "tickets", "affiliates", "emails",
            "orders", "users");

    private Permissions() {
    }

    static Set<String> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(String::strip).filter(CATALOGUE::contains)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String format(Set<String> permissions) {
        return CATALOGUE.stream().filter(permissions::contains).collect(Collectors.joining(","));
    }
}
