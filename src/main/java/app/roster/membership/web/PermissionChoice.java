package app.roster.membership.web;

import app.roster.membership.Permission;

/**
 * One box of the picker: whether it shows ticked (everything under All Permissions, the preset's under a preset),
 * whether it is ticked under Choose Permissions (the script restores that), and whether the manager may change it.
 */
public record PermissionChoice(Permission permission, boolean ticked, boolean chosen, boolean grantable) {

    /** The one note that says why the greyed-out boxes cannot be changed. */
    public static final String NOT_HELD = "permissions-not-held";

    public String id() {
        return "permission-" + permission.key();
    }

    /** The notes a screen reader reads with the box: why it is disabled, the profile warning. */
    public String describedBy() {
        String ids = (grantable ? "" : NOT_HELD + " ") + (permission.sensitive() ? id() + "-warning" : "");
        return ids.isBlank() ? null : ids.strip();
    }
}
