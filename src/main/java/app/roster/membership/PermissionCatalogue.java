package app.roster.membership;

import app.roster.shared.Refusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The permissions an account can grant: the WHMCS-compatible keys plus {@code users}, then the
 * operator's own, and named presets. It is data, checked once at startup; an unknown key is refused.
 */
@Component
public class PermissionCatalogue {

    public static final String PROFILE = "profile";
    public static final String CONTACTS = "contacts";
    public static final String USERS = "users";

    static final List<String> BUILT_IN = List.of(PROFILE, CONTACTS, "products", "manageproducts", "productsso",
            "domains", "managedomains", "invoices", "quotes", "tickets", "affiliates", "emails", "orders", USERS);

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final Map<String, Permission> permissions = new LinkedHashMap<>();
    private final Map<String, Set<String>> presets = new LinkedHashMap<>();

    public PermissionCatalogue(PermissionSettings settings) {
        BUILT_IN.forEach(key -> permissions.put(key, new Permission(key, true, key, Map.of())));
        for (PermissionSettings.Custom custom : settings.custom()) {
            if (custom.key() == null || !KEY.matcher(custom.key()).matches()) {
                throw new IllegalStateException("roster.permissions.custom: invalid key '" + custom.key()
                        + "' (lower-case letters, digits and _, at most 40)");
            }
            if (permissions.containsKey(custom.key())) {
                throw new IllegalStateException("roster.permissions.custom: duplicate key '" + custom.key() + "'");
            }
            String label = custom.label() == null || custom.label().isBlank() ? custom.key() : custom.label();
            permissions.put(custom.key(), new Permission(custom.key(), false, label, Map.copyOf(custom.labels())));
        }
        settings.presets().forEach((name, keys) -> presets.put(name, presetKeys(name, keys)));
    }

    private Set<String> presetKeys(String name, List<String> keys) {
        if (keys.contains("*")) {
            return everything();
        }
        List<String> unknown = keys.stream().filter(key -> !permissions.containsKey(key)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("roster.permissions.presets." + name + ": unknown permissions " + unknown);
        }
        return inCatalogueOrder(keys);
    }

    public List<Permission> all() {
        return List.copyOf(permissions.values());
    }

    public Set<String> everything() {
        return new LinkedHashSet<>(permissions.keySet());
    }

    public boolean isKnown(String key) {
        return permissions.containsKey(key);
    }

    /** The keys in catalogue order, or {@link UnknownPermission} naming the first unknown one. */
    public Set<String> requireKnown(Collection<String> keys) {
        for (String key : keys) {
            if (!isKnown(key)) {
                throw new UnknownPermission(key);
            }
        }
        return inCatalogueOrder(keys);
    }

    /** Drops keys the catalogue no longer has (an operator may remove a custom permission). */
    public Set<String> known(Collection<String> keys) {
        return inCatalogueOrder(keys.stream().filter(this::isKnown).toList());
    }

    public Map<String, Set<String>> presets() {
        return Map.copyOf(presets);
    }

    private Set<String> inCatalogueOrder(Collection<String> keys) {
        return permissions.keySet().stream().filter(keys::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A permission key that is not in the catalogue. */
    /** A refused rule on the permissions field wherever nobody translates it more precisely (an API 422). */
    public static class UnknownPermission extends Refusal {

        private final String key;

        public UnknownPermission(String key) {
            super(Kind.INVALID, "api.member.unknownPermission", "permissions");
            this.key = key;
        }

        /** For the log: which key, cut short (it comes from the request). */
        @Override
        public String getMessage() {
            return "Unknown permission: " + key.substring(0, Math.min(key.length(), 40));
        }

        public String key() {
            return key;
        }
    }

    static List<String> split(String stored) {
        List<String> keys = new ArrayList<>();
        if (stored != null) {
            for (String key : stored.split(",")) {
                if (!key.isBlank()) {
                    keys.add(key.strip());
                }
            }
        }
        return keys;
    }
}
