package app.roster.contact.api;

import app.roster.contact.Category;
import app.roster.contact.ContactDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A partial change (PATCH): a field left out or null stays as it is, an empty string empties an optional field,
 * and {@code subscriptions}, when given, replaces the whole list.
 */
@Schema(name = "ContactPatch")
record ContactPatch(@Size(max = 100) @Schema(example = "Ada") String firstName,
        @Size(max = 100) String lastName, @Size(max = 200) String companyName,
        @Size(max = 254) @Schema(example = "ada.lovelace@example.com") String email, @Size(max = 40) String phone,
        @Size(max = 200) String address1, @Size(max = 200) String address2, @Size(max = 100) String city,
        @Size(max = 100) String region, @Size(max = 20) String postcode, @Size(max = 2) String country,
        @Size(max = 60) String taxId,
        @Size(max = 6) @Schema(example = "[\"invoice\"]")
        List<@NotNull @Pattern(regexp = Category.API_PATTERN) String> subscriptions) {

    /** The stored details with this patch laid over them. */
    ContactDetails applyTo(ContactDetails d) {
        return new ContactDetails(or(firstName, d.firstName()), or(lastName, d.lastName()),
                or(companyName, d.company()), email == null ? d.email() : ContactDetails.email(email),
                or(phone, d.phone()), or(address1, d.address1()), or(address2, d.address2()), or(city, d.city()),
                or(region, d.region()), or(postcode, d.postcode()), or(country, d.country()), or(taxId, d.taxId()),
                subscriptions == null ? d.subscriptions() : ContactRequest.categories(subscriptions));
    }

    private static String or(String given, String stored) {
        return given == null ? stored : given;
    }
}
