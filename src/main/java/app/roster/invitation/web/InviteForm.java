package app.roster.invitation.web;

import app.roster.membership.web.PermissionsForm;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import java.util.LinkedHashSet;

/** "Invite New User": the address, the permissions (as on Manage Permissions) and the invitee's language. */
public class InviteForm extends PermissionsForm {

    private String email = "";
    private String language = Language.EN.code();

    static InviteForm in(Language language) {
        InviteForm form = new InviteForm();
        form.language = language.code();
        form.setMode(CHOOSE);
        form.setPermissions(new LinkedHashSet<>());
        return form;
    }

    /** The canonical address, or {@link app.roster.shared.InvalidEmailAddressException} with the reason. */
    EmailAddress address() {
        return EmailAddress.of(email == null ? "" : email);
    }

    Language invitee() {
        return Language.fromCode(language).orElse(Language.EN);
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
