package app.roster.admin.web;

import app.roster.admin.AssociateUser;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "Associate User" form: a chosen existing user ({@code userId}) or a new one by email and name;
 * All Permissions, a preset or Choose Permissions; Send Invite yes or no.
 */
class AssociateUserForm {

    static final int MAX_NAME = 100;
    private static final String PRESET = "preset:";

    private Long userId;
    private String email = "";
    private String firstName = "";
    private String lastName = "";
    private String language = "en";
    private String scope = "all";
    private List<String> permissions = new ArrayList<>();
    private String sendInvite = "yes";

    public boolean existingUser() {
        return userId != null;
    }

    public boolean invite() {
        return !"no".equals(sendInvite);
    }

    /**
     * The request for the use case; the email is already checked by the controller when it is used. A preset that
     * the catalogue does not have is an {@link PermissionCatalogue.UnknownPermission}, not an empty grant.
     */
    AssociateUser.Association toAssociation(Set<String> everything, Map<String, Set<String>> presets) {
        Set<String> chosen = "all".equals(scope) ? everything : preset(presets);
        return new AssociateUser.Association(userId, existingUser() ? null : EmailAddress.of(email),
                firstName.strip(), lastName.strip(), Language.fromCode(language).orElse(Language.EN), chosen,
                invite());
    }

    private Set<String> preset(Map<String, Set<String>> presets) {
        if (scope == null || !scope.startsWith(PRESET)) {
            return Set.copyOf(permissions);
        }
        Set<String> keys = presets.get(scope.substring(PRESET.length()));
        if (keys == null) {
            throw new PermissionCatalogue.UnknownPermission(scope);
        }
        return keys;
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName == null ? "" : firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName == null ? "" : lastName;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null ? "en" : language;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public List<String> getPermissions() {
        return permissions;
    }

    public void setPermissions(List<String> permissions) {
        this.permissions = permissions == null ? new ArrayList<>() : permissions;
    }

    public String getSendInvite() {
        return sendInvite;
    }

    public void setSendInvite(String sendInvite) {
        this.sendInvite = sendInvite;
    }
}
