package app.roster.contact.api;

import app.roster.contact.Category;
import app.roster.contact.ContactDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A whole contact, for POST (create) and PUT (replace): a field left out is empty afterwards. The rules of
 * {@link ContactDetails} (control characters, a real address, a two-letter country) answer 422 with the field.
 */
@Schema(name = "ContactRequest")
record ContactRequest(@NotBlank @Size(max = 100) @Schema(example = "Ada") String firstName,
        @NotBlank @Size(max = 100) @Schema(example = "Lovelace") String lastName,
        @Size(max = 200) @Schema(example = "Analytical Engines Ltd") String companyName,
        @NotBlank @Size(max = 254) @Schema(example = "ada@example.com") String email,
        @Size(max = 40) @Schema(example = "+44 20 7946 0000") String phone,
        @Size(max = 200) String address1, @Size(max = 200) String address2, @Size(max = 100) String city,
        @Size(max = 100) String region, @Size(max = 20) String postcode,
        @Size(max = 2) @Schema(example = "GB") String country, @Size(max = 60) String taxId,
        @Size(max = 6) @Schema(description = "general, invoice, support, product, domain, affiliate (a plural such "
                + "as invoices is taken too); none when left out", example = "[\"general\", \"invoice\"]")
        List<@NotNull @Pattern(regexp = Category.API_PATTERN) String> subscriptions) {

    ContactDetails toDetails() {
        return new ContactDetails(firstName, lastName, companyName, ContactDetails.email(email), phone, address1,
                address2, city, region, postcode, country, taxId, categories(subscriptions));
    }

    static Set<Category> categories(List<String> codes) {
        Set<Category> categories = EnumSet.noneOf(Category.class);
        if (codes != null) {
            codes.stream().map(Category::fromApi).flatMap(java.util.Optional::stream).forEach(categories::add);
        }
        return categories;
    }
}
