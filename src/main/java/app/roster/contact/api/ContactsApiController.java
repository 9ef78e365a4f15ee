package app.roster.contact.api;

import app.roster.contact.ContactId;
import app.roster.account.AccountId;
import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.contact.AddContact;
import app.roster.contact.ChangeContact;
import app.roster.contact.ContactDetails;
import app.roster.contact.ContactRefused;
import app.roster.contact.DeleteContact;
import app.roster.contact.ResendConfirmation;
import app.roster.contact.ViewContacts;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An account's contacts through the same use cases as the Contacts page and the Admin Area. */
@RestController
@RequestMapping(path = "/api/v1/accounts/{accountId}/contacts", produces = "application/json")
@Tag(name = "Contacts", description = "People of an account who receive its notification emails but cannot log in")
class ContactsApiController {

    private final ViewContacts view;
    private final AddContact add;
    private final ChangeContact change;
    private final DeleteContact delete;
    private final ResendConfirmation resend;

    ContactsApiController(ViewContacts view, AddContact add, ChangeContact change, DeleteContact delete,
            ResendConfirmation resend) {
        this.view = view;
        this.add = add;
        this.change = change;
        this.delete = delete;
        this.resend = resend;
    }

    @Schema(name = "ContactPage")
    record ContactPage(List<ContactResponse> items,
            @Schema(description = "The cursor of the next page, null on the last", example = "AWNvbnRhY3RzCgoxNw...")
            String next) {

        static ContactPage of(KeysetPage<app.roster.contact.Contact> page) {
            return new ContactPage(page.items().stream().map(ContactResponse::of).toList(), page.next());
        }
    }

    @GetMapping
    @RequiresScope(Scope.CONTACTS_READ)
    @Operation(summary = "List an account's contacts", description = """
            The account's contacts in the order they were added, `limit` at a time (1 to 200, 50 by default). \
            Pass the answer's `next` as `cursor` for the next page; `next` is null on the last page. A cursor that \
            was changed or made for another list is 422 on field `cursor`, a limit out of bounds 422 on `limit`.""")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "422", description = "A bad cursor or limit")
    ContactPage list(ApiCaller caller, @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The `next` of the previous page; none for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "Contacts per page, 1 to 200", example = "50") @RequestParam(required = false) Integer limit) {
        return ContactPage.of(view.list(caller.actor(), accountId.value(), Keyset.of(cursor, limit)));
    }

    @GetMapping("/{contactId}")
    @RequiresScope(Scope.CONTACTS_READ)
    @Operation(summary = "One contact", description = "A contact of the account; another account's contact id is 404.")
    @ApiResponse(responseCode = "200", description = "The contact")
    ContactResponse get(ApiCaller caller, @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The contact's id", example = "17") @PathVariable ContactId contactId) {
        return ContactResponse.of(view.find(caller.actor(), accountId.value(), contactId.value()));
    }

    @PostMapping(consumes = "application/json")
    @RequiresScope(Scope.CONTACTS_WRITE)
    @Operation(summary = "Add a contact", description = """
            Adds a contact, unconfirmed until they follow the link of the confirmation email it is sent (in the \
            language of `Accept-Language`), as on the Contacts page; audited with the credential as the actor. An \
            address the account already has is 422 on `email`; past the account's hourly limit of confirmation \
            emails 422 and nothing is saved. Send an `Idempotency-Key` to retry safely: a retry gets the first \
            answer again, and one contact and one email exist.""")
    @ApiResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location",
            description = "The new contact's URL"))
    @ApiResponse(responseCode = "422", description = "A rule refused it (the field is named)")
    ResponseEntity<ContactResponse> create(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Valid @RequestBody ContactRequest request, Locale locale) {
        long id = uniqueAddress(() -> add.add(caller.actor(), accountId.value(), request.toDetails(), locale));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId.value() + "/contacts/" + id))
                .body(ContactResponse.of(view.find(caller.actor(), accountId.value(), id)));
    }

    @PutMapping(path = "/{contactId}", consumes = "application/json")
    @RequiresScope(Scope.CONTACTS_WRITE)
    @Operation(summary = "Replace a contact", description = """
            Saves every field as given (one left out is emptied). A changed address becomes unconfirmed and is \
            sent a confirmation email; audited with what changed.""")
    @ApiResponse(responseCode = "200", description = "The contact as saved")
    @ApiResponse(responseCode = "422", description = "A rule refused it (the field is named)")
    ContactResponse replace(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The contact's id", example = "17") @PathVariable ContactId contactId,
            @Valid @RequestBody ContactRequest request, Locale locale) {
        ContactDetails details = request.toDetails();
        return changed(caller, accountId.value(), contactId.value(), stored -> details, locale);
    }

    @PatchMapping(path = "/{contactId}", consumes = {"application/json", "application/merge-patch+json"})
    @RequiresScope(Scope.CONTACTS_WRITE)
    @Operation(summary = "Change some of a contact's fields", description = """
            A field left out (or null) stays as it is; an empty string empties an optional field; \
            `subscriptions`, when given, replaces the list. A changed address becomes unconfirmed and is sent a \
            confirmation email; audited with what changed.""")
    @ApiResponse(responseCode = "200", description = "The contact as saved")
    @ApiResponse(responseCode = "422", description = "A rule refused it (the field is named)")
    ContactResponse patch(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The contact's id", example = "17") @PathVariable ContactId contactId,
            @Valid @RequestBody ContactPatch patch, Locale locale) {
        return changed(caller, accountId.value(), contactId.value(), patch::applyTo, locale);
    }

    @DeleteMapping("/{contactId}")
    @RequiresScope(Scope.CONTACTS_WRITE)
    @Operation(summary = "Delete a contact", description = "Deletes the contact and its unsubscribe links; audited.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    ResponseEntity<Void> remove(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The contact's id", example = "17") @PathVariable ContactId contactId) {
        delete.delete(caller.actor(), accountId.value(), contactId.value());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{contactId}/resend-confirmation")
    @RequiresScope(Scope.CONTACTS_WRITE)
    @Operation(summary = "Send the confirmation email again", description = """
            Sends an unconfirmed contact a new confirmation link; the earlier one stops working. A contact who \
            confirmed already is 409 and nothing is sent; past the account's hourly limit 422.""")
    @ApiResponse(responseCode = "202", description = "The email is queued")
    @ApiResponse(responseCode = "409", description = "The address is confirmed already")
    @ApiResponse(responseCode = "422", description = "Too many confirmation emails this hour")
    ResponseEntity<Void> resendConfirmation(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The contact's id", example = "17") @PathVariable ContactId contactId, Locale locale) {
        if (!resend.resend(caller.actor(), accountId.value(), contactId.value(), locale)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "contact.api.alreadyConfirmed", null);
        }
        return ResponseEntity.accepted().build();
    }

    private ContactResponse changed(ApiCaller caller, long accountId, long contactId,
            UnaryOperator<ContactDetails> edit, Locale locale) {
        uniqueAddress(() -> {
            change.change(caller.actor(), accountId, contactId, edit, locale);
            return contactId;
        });
        return ContactResponse.of(view.find(caller.actor(), accountId, contactId));
    }

    /** Two requests adding the same address at once: the unique index stops the second, answered like the check. */
    private static long uniqueAddress(Supplier<Long> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException raced) {
            throw new ContactRefused("email", "contact.error.duplicate");
        }
    }
}
