package app.roster.admin.web;

import app.roster.membership.PermissionCatalogue;
import app.roster.membership.web.PermissionsForm;
import app.roster.membership.web.PresetChoice;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Staff "Manage Permissions": All, a preset or the chosen boxes, at the version the page showed. As in the Client Area,
 * a field that was not sent is never read as "no permissions": without the scope, or with Choose Permissions but
 * neither a box nor the form's "no box ticked" marker ({@code _permissions}), or with a preset the catalogue does not have, the form is incomplete.
 */
public class StaffPermissionsForm {

    private static final String PRESET = "preset:";

    private String scope;
    private List<String> permissions;
    private Long version;

    /** The configured presets as the picker's radios, by name: staff may grant any of them. */
    static List<PresetChoice> presets(PermissionCatalogue catalogue) {
        return new TreeMap<>(catalogue.presets()).entrySet().stream()
                .map(preset -> new PresetChoice(preset.getKey(), preset.getValue())).toList();
    }

    Set<String> wanted(PermissionCatalogue catalogue) {
        if (PermissionsForm.ALL.equals(scope)) {
            return catalogue.everything();
        }
        if (scope != null && scope.startsWith(PRESET)) {
            Set<String> preset = catalogue.presets().get(scope.substring(PRESET.length()));
            if (preset == null) {
                throw new PermissionsForm.Incomplete();
            }
            return preset;
        }
        if (!PermissionsForm.CHOOSE.equals(scope) || permissions == null) {
            throw new PermissionsForm.Incomplete();
        }
        return catalogue.known(permissions);
    }

    long version() {
        if (version == null) {
            throw new PermissionsForm.Incomplete();
        }
        return version;
    }

    public String getScope() { return scope; }
    public void setScope(String scope) { this.scope = scope; }
    public List<String> getPermissions() { return permissions; }
    public void setPermissions(List<String> permissions) { this.permissions = permissions; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
