package app.roster.membership.web;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * "Manage Permissions": All Permissions, a preset ({@code preset:<name>}), or the chosen boxes. It only says what was asked for;
 * {@link app.roster.membership.ChangePermissions} decides what actually changes.
 *
 * <p>Nothing is assumed for a field that was not sent: a POST without the mode, or with Choose Permissions but neither a box
 * nor the form's "no box ticked" marker ({@code _permissions}, which the real form always sends), is {@link Incomplete}
 * rather than "remove every permission". The edit pages also send the version they showed.
 */
public class PermissionsForm {

    public static final String ALL = "all";
    public static final String CHOOSE = "choose";
    static final String PRESET = "preset:";

    private String mode;
    private Set<String> permissions;
    private Long version;

    /** The edit page's form: what is held now, at the version the page shows. */
    static PermissionsForm of(Set<String> held, boolean all, long version) {
        PermissionsForm form = new PermissionsForm();
        form.mode = all ? ALL : CHOOSE;
        form.permissions = new LinkedHashSet<>(held);
        form.version = version;
        return form;
    }

    /** All = every permission of the catalogue; a mode, preset or box list that was not sent is {@link Incomplete}. */
    public Set<String> requested(Set<String> everything, Map<String, Set<String>> presets) {
        if (ALL.equals(mode)) {
            return everything;
        }
        if (mode != null && mode.startsWith(PRESET)) {
            Set<String> preset = presets.get(mode.substring(PRESET.length()));
            if (preset == null) {
                throw new Incomplete();
            }
            return preset;
        }
        if (!CHOOSE.equals(mode) || permissions == null) {
            throw new Incomplete();
        }
        return permissions;
    }

    boolean asksForAll() {
        return ALL.equals(mode);
    }

    boolean asksForPreset() {
        return mode != null && mode.startsWith(PRESET);
    }

    /** Whether the box is ticked under Choose Permissions. */
    boolean chose(String key) {
        return permissions != null && permissions.contains(key);
    }

    /** Whether the box shows ticked in the chosen mode; a box the manager lacks shows what is held. */
    boolean shows(String key, boolean grantable, Map<String, Set<String>> offeredPresets) {
        if (asksForAll()) {
            return true;
        }
        Set<String> preset = asksForPreset() ? offeredPresets.get(mode.substring(PRESET.length())) : null;
        return preset != null && grantable ? preset.contains(key) : chose(key);
    }

    /** The version the page showed; a form without one cannot be checked against later changes. */
    public long version() {
        if (version == null) {
            throw new Incomplete();
        }
        return version;
    }

    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public Set<String> getPermissions() { return permissions; }
    public void setPermissions(Set<String> permissions) { this.permissions = permissions; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }

    /** A crafted or truncated POST: it changes nothing and answers 400. */
    public static class Incomplete extends RuntimeException {
        public Incomplete() {
            super("Incomplete permissions form", null, false, false);
        }
    }
}
