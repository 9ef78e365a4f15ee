package app.roster.membership.web;

import app.roster.membership.Permission;

/** One box of "Manage Permissions": whether the user holds it, and whether the manager may change it. */
public record PermissionChoice(Permission permission, boolean held, boolean grantable) {

    public String id() {
        return "permission-" + permission.key();
    }

    /** The notes under the box that a screen reader reads with it: why it is disabled, the profile warning. */
    public String describedBy() {
        String ids = (grantable ? "" : id() + "-reason ") + (permission.sensitive() ? id() + "-warning" : "");
        return ids.isBlank() ? null : ids.strip();
    }
}
