package app.roster.admin.web;

import app.roster.account.AccountProfileForm;
import app.roster.admin.AddClient;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;

/** "Add New Client": the account's details and its owner, an existing user ({@code userId}) or a new one. */
public class NewClientForm extends AccountProfileForm {

    static final int MAX_NAME = 100;

    private Long userId;
    private String email = "";
    private String firstName = "";
    private String lastName = "";
    private String language = "en";

    public boolean existingOwner() {
        return userId != null;
    }

    /** The owner for the use case; the email and names are checked by the controller before. */
    AddClient.Owner toOwner() {
        return existingOwner() ? AddClient.Owner.existing(userId)
                : AddClient.Owner.created(EmailAddress.of(email), firstName.strip(), lastName.strip(),
                        Language.fromCode(language).orElse(Language.EN));
    }

    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null ? "" : email; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName == null ? "" : firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName == null ? "" : lastName; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language == null ? "en" : language; }
}
