package app.roster.contact.api;

import app.roster.contact.Category;
import app.roster.contact.Contact;
import app.roster.contact.ContactDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A contact as the API shows it: ids as strings, the time in RFC 3339 UTC, categories by code. */
@Schema(name = "Contact")
record ContactResponse(@Schema(example = "17") String id, @Schema(example = "7") String accountId,
        @Schema(example = "Ada") String firstName, @Schema(example = "Lovelace") String lastName,
        @Schema(example = "Analytical Engines Ltd") String companyName,
        @Schema(example = "ada@example.com") String email, @Schema(example = "+44 20 7946 0000") String phone,
        @Schema(example = "12 St James's Square") String address1, String address2,
        @Schema(example = "London") String city, String region, @Schema(example = "SW1Y 4LB") String postcode,
        @Schema(example = "GB") String country, @Schema(example = "GB123456789") String taxId,
        @Schema(description = "The notifications the contact receives",
                example = "[\"general\", \"invoice\"]") List<String> subscriptions,
        @Schema(description = "Whether the contact confirmed the address with the emailed link; only confirmed "
                + "contacts receive notifications (unless the operator turned that off)") boolean emailConfirmed,
        @Schema(example = "2026-12-02T03:16:51.123456Z") String createdAt) {

    static ContactResponse of(Contact contact) {
        ContactDetails d = contact.details();
        return new ContactResponse(String.valueOf(contact.id()), String.valueOf(contact.accountId()), d.firstName(),
                d.lastName(), d.company(), d.email().value(), d.phone(), d.address1(), d.address2(), d.city(),
                d.region(), d.postcode(), d.country(), d.taxId(),
                d.subscriptions().stream().map(Category::code).toList(), contact.emailConfirmed(),
                contact.createdAt().toString());
    }
}
