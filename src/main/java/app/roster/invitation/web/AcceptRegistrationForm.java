package app.roster.invitation.web;

import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.user.Registration;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Signing up on the accept page: the same fields as the sign-up page, but the new user gets no client
 * account of their own; they are about to join the inviting one.
 */
public class AcceptRegistrationForm {

    /** Printable text: no control, bidi or zero-width characters. */
    static final String PRINTABLE = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";

    @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String firstName;
    @NotBlank @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String lastName;
    @NotBlank @Size(max = 254)
    private String email;
    @NotBlank @Size(max = 256)
    private String password;
    @AssertTrue(message = "{register.terms.required}")
    private boolean acceptTerms;

    Registration toRegistration(EmailAddress address, Language language) {
        return new Registration(firstName.strip(), lastName.strip(), address, password, language, false);
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isAcceptTerms() { return acceptTerms; }
    public void setAcceptTerms(boolean acceptTerms) { this.acceptTerms = acceptTerms; }
}
