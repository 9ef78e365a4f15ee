package app.roster.contact.web;

import app.roster.contact.Category;
import app.roster.contact.Contact;
import app.roster.contact.ContactDetails;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The add/edit form, shared with the Admin Area; converts itself, and every refusal names its field. */
public class ContactForm {

    private String firstName;
    private String lastName;
    private String companyName;
    private String email;
    private String phone;
    private String address1;
    private String address2;
    private String city;
    private String region;
    private String postcode;
    private String country;
    private String taxId;
    private Set<String> subscriptions = new LinkedHashSet<>();

    public static ContactForm empty() {
        ContactForm form = new ContactForm();
        form.subscriptions.add(Category.GENERAL.code());
        return form;
    }

    public static ContactForm of(Contact contact) {
        ContactDetails d = contact.details();
        ContactForm form = new ContactForm();
        form.firstName = d.firstName();
        form.lastName = d.lastName();
        form.companyName = d.company();
        form.email = d.email().value();
        form.phone = d.phone();
        form.address1 = d.address1();
        form.address2 = d.address2();
        form.city = d.city();
        form.region = d.region();
        form.postcode = d.postcode();
        form.country = d.country();
        form.taxId = d.taxId();
        form.subscriptions = d.subscriptions().stream().sorted().map(Category::code)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return form;
    }

    /** Throws {@link app.roster.contact.ContactRefused} for the first bad field; unknown categories are dropped. */
    public ContactDetails toDetails() {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (subscriptions != null) {
            subscriptions.stream().map(Category::fromCode).flatMap(Optional::stream).forEach(categories::add);
        }
        return new ContactDetails(firstName, lastName, companyName, ContactDetails.email(email), phone, address1,
                address2, city, region, postcode, country, taxId, categories);
    }

    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAddress1() { return address1; }
    public void setAddress1(String address1) { this.address1 = address1; }
    public String getAddress2() { return address2; }
    public void setAddress2(String address2) { this.address2 = address2; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
    public Set<String> getSubscriptions() { return subscriptions; }
    public void setSubscriptions(Set<String> subscriptions) { this.subscriptions = subscriptions; }
}
