package app.roster.contact;

import app.roster.account.Countries;
import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the account says about a contact. Text is stripped, blank optional fields become null, and every
 * rejection names its field: too long, control characters, or an address that is not one.
 */
public record ContactDetails(String firstName, String lastName, String company, EmailAddress email, String phone,
        String address1, String address2, String city, String region, String postcode, String country, String taxId,
        Set<Category> subscriptions) {

    public ContactDetails {
        firstName = required("firstName", firstName, 100);
        lastName = required("lastName", lastName, 100);
        company = optional("companyName", company, 200);
        phone = optional("phone", phone, 40);
        address1 = optional("address1", address1, 200);
        address2 = optional("address2", address2, 200);
        city = optional("city", city, 100);
        region = optional("region", region, 100);
        postcode = optional("postcode", postcode, 20);
        country = optional("country", country, 2);
        if (country != null && !Countries.isKnown(country)) {
            throw new ContactRefused("country", "contact.error.country");
        }
        country = country == null ? null : country.toUpperCase(java.util.Locale.ROOT);
        taxId = optional("taxId", taxId, 60);
        if (email == null) {
            throw new ContactRefused("email", "contact.error.email");
        }
        // an EnumSet keeps the categories in their declared order wherever they are shown
        subscriptions = Collections.unmodifiableSet(subscriptions == null || subscriptions.isEmpty()
                ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(subscriptions));
    }

    /** Parses a typed address; a bad one is a field error, not an exception page. */
    public static EmailAddress email(String raw) {
        try {
            return EmailAddress.of(raw == null ? "" : raw);
        } catch (InvalidEmailAddressException e) {
            throw new ContactRefused("email", "contact.error.email");
        }
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    private static String required(String field, String value, int max) {
        String text = optional(field, value, max);
        if (text == null) {
            throw new ContactRefused(field, "contact.error.required");
        }
        return text;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.codePoints().anyMatch(ContactDetails::isControl)) {
            throw new ContactRefused(field, "contact.error.control");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new ContactRefused(field, "contact.error.tooLong");
        }
        return text;
    }

    private static boolean isControl(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
