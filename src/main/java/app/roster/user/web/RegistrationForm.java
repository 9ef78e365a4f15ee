package app.roster.user.web;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.user.Registration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The sign-up form. The email is checked by {@link EmailAddress}, the password by the policy. */
public class RegistrationForm {

    @NotBlank @Size(max = 100) @Pattern(regexp = Printable.REGEX, message = "{field.printable}")
    private String firstName;
    @NotBlank @Size(max = 100) @Pattern(regexp = Printable.REGEX, message = "{field.printable}")
    private String lastName;
    @Size(max = 200) @Pattern(regexp = Printable.REGEX, message = "{field.printable}")
    private String companyName;
    @NotBlank @Size(max = 254)
    private String email;
    @NotBlank @Size(max = 256)
    private String password;
    @AssertTrue(message = "{register.terms.required}")
    private boolean acceptTerms;

    Registration toRegistration(Language language) {
        return new Registration(firstName.strip(), lastName.strip(), EmailAddress.of(email), password, language, true,
                companyName == null || companyName.isBlank() ? null : companyName.strip());
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isAcceptTerms() { return acceptTerms; }
    public void setAcceptTerms(boolean acceptTerms) { this.acceptTerms = acceptTerms; }
}
