package app.roster.admin.web;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.user.User;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Staff edit of a user's name, email and language. Invisible and control characters are refused. */
public class UserEditForm {

    private static final String PRINTABLE = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";

    @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String firstName;
    @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String lastName;
    @NotBlank(message = "{email.invalid}") @Size(max = EmailAddress.MAX_LENGTH, message = "{email.invalid}")
    private String email;
    @NotBlank @Pattern(regexp = "en|fr|de", message = "{profile.language.invalid}")
    private String language;

    static UserEditForm of(User user) {
        UserEditForm form = new UserEditForm();
        form.firstName = user.firstName();
        form.lastName = user.lastName();
        form.email = user.email().value();
        form.language = user.language().code();
        return form;
    }

    Language chosenLanguage() {
        return Language.fromCode(language).orElseThrow();
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
