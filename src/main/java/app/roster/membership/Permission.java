package app.roster.membership;

import java.util.Locale;
import java.util.Map;

/** One entry of the catalogue: a key, and its label in each language (built-in ones come from the bundles). */
public record Permission(String key, boolean builtIn, String label, Map<String, String> labels) {

    /** The label for a custom permission; built-in permissions are labelled by message key {@code permission.<key>}. */
    public String customLabel(Locale locale) {
        return labels.getOrDefault(locale.getLanguage(), label);
    }

    public String messageKey() {
        return "permission." + key;
    }

    /** Sensitive: shown with a warning (view and change the account's details, billing included). */
    public boolean sensitive() {
        return PermissionCatalogue.PROFILE.equals(key);
    }
}
