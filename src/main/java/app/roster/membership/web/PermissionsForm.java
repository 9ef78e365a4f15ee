package app.roster.membership.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * "Manage Permissions": All Permissions, a preset ({@code preset:<name>}), or the chosen boxes. It only says what was asked for;
 * {@link app.roster.membership.ChangePermissions} decides what actually changes.
 */
public class PermissionsForm {

    static final String ALL = "all";
    static final String CHOOSE = "choose";
    static final String PRESET = "preset:";

    private String mode = CHOOSE;
    private Set<String> permissions = new LinkedHashSet<>();

    public static PermissionsForm of(Set<String> held, Set<String> grantable) {
        PermissionsForm form = new PermissionsForm();
        form.mode = held.containsAll(grantable) ? ALL : CHOOSE;
        form.permissions = new LinkedHashSet<>(held);
        return form;
    }

    /** All = every permission the manager may grant; an unknown preset asks for nothing new. */
    public Set<String> requested(Set<String> grantable, Map<String, Set<String>> presets) {
        if (ALL.equals(mode)) {
            return grantable;
        }
        if (mode != null && mode.startsWith(PRESET)) {
            return presets.getOrDefault(mode.substring(PRESET.length()), Set.of());
        }
        return permissions == null ? Set.of() : permissions;
    }

    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public Set<String> getPermissions() { return permissions; }
    public void setPermissions(Set<String> permissions) { this.permissions = permissions; }
}
