package app.roster.contact.api;

import app.roster.account.AccountId;
import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.contact.Category;
import app.roster.contact.NotificationRecipients;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The billing platform's routing question: who receives this account's mail of this category? */
@RestController
@Tag(name = "Contacts")
class RecipientsApiController {

    private final NotificationRecipients recipients;

    RecipientsApiController(NotificationRecipients recipients) {
        this.recipients = recipients;
    }

    @Schema(name = "Recipient")
    record RecipientResponse(@Schema(example = "ada@example.com") String email,
            @Schema(description = "owner (always receives) or contact", example = "contact") String kind,
            @Schema(description = "The contact's id; null for the owner", example = "17") String contactId,
            @Schema(example = "Ada") String firstName,
            @Schema(description = "The language to write in (the owner's, for contacts too)", example = "en")
            String language) {

        static RecipientResponse of(NotificationRecipients.Recipient recipient) {
            return new RecipientResponse(recipient.email().value(), recipient.contact() ? "contact" : "owner",
                    recipient.contactId() == null ? null : String.valueOf(recipient.contactId()),
                    recipient.firstName(), recipient.language().toLanguageTag());
        }
    }

    @Schema(name = "Recipients")
    record RecipientsResponse(@Schema(example = "7") String accountId, @Schema(example = "invoice") String category,
            List<RecipientResponse> recipients) {
    }

    @GetMapping(path = "/api/v1/accounts/{accountId}/recipients", produces = "application/json")
    @RequiresScope(Scope.CONTACTS_READ)
    @Operation(summary = "Who receives a category of the account's mail", description = """
            The addresses to send the account's notifications of `category` to: the owner first (always), then \
            every contact subscribed to it who confirmed the address (unconfirmed ones too when the operator set \
            `ROSTER_CONTACTS_REQUIRE_CONFIRMATION=false`), each address once. A contact's copy should carry an \
            unsubscribe link. An unknown category is 400, naming the allowed ones.""")
    @ApiResponse(responseCode = "200", description = "The recipients, owner first")
    @ApiResponse(responseCode = "400", description = "An unknown or missing category")
    RecipientsResponse recipients(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "general, invoice, support, product, domain or affiliate (plural taken too)",
                    example = "invoices", required = true)
            @RequestParam(required = false) @NotNull @Pattern(regexp = Category.API_PATTERN) String category) {
        Category asked = Category.fromApi(category).orElseThrow();
        return new RecipientsResponse(String.valueOf(accountId.value()), asked.code(),
                recipients.recipients(caller.actor(), accountId.value(), asked).stream().map(RecipientResponse::of).toList());
    }
}
