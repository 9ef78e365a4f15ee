package app.roster.user.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Name and language. */
public class ProfileForm {

    @NotBlank @Size(max = 100) @Pattern(regexp = Printable.REGEX, message = "{field.printable}")
    private String firstName;
    @NotBlank @Size(max = 100) @Pattern(regexp = Printable.REGEX, message = "{field.printable}")
    private String lastName;
    @NotBlank @Pattern(regexp = "en|fr|de", message = "{profile.language.invalid}")
    private String language;

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
}
