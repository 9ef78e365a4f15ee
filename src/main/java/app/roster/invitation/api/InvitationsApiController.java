package app.roster.invitation.api;

import app.roster.invitation.InvitationId;
import app.roster.account.AccountId;
import app.roster.api.ApiCaller;
import app.roster.api.EntityTag;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.idempotency.IdempotencyFilter;
import app.roster.invitation.CancelInvitation;
import app.roster.invitation.EditInvitation;
import app.roster.invitation.Invitation;
import app.roster.invitation.InvitationListing;
import app.roster.invitation.ListedInvitation;
import app.roster.invitation.ResendInvitation;
import app.roster.invitation.SendInvitation;
import app.roster.shared.ChangedMeanwhile;
import app.roster.shared.EmailAddress;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.Language;
import app.roster.shared.Refusal;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** An account's invitations over the API, through the use cases of Invite New User and Pending Invites. */
@RestController
@Tag(name = "Invitations", description = "Offers sent to an email address to join an account")
class InvitationsApiController {

    private static final String INVITATIONS = "/api/v1/accounts/{accountId}/invitations";
    private static final String INVITATION = INVITATIONS + "/{invitationId}";

    private final SendInvitation sendInvitation;
    private final ResendInvitation resendInvitation;
    private final CancelInvitation cancelInvitation;
    private final EditInvitation editInvitation;
    private final InvitationListing listing;
    private final JsonMapper json;

    InvitationsApiController(SendInvitation sendInvitation, ResendInvitation resendInvitation,
            CancelInvitation cancelInvitation, EditInvitation editInvitation, InvitationListing listing,
            JsonMapper json) {
        this.sendInvitation = sendInvitation;
        this.resendInvitation = resendInvitation;
        this.cancelInvitation = cancelInvitation;
        this.editInvitation = editInvitation;
        this.listing = listing;
        this.json = json;
    }

    @Schema(name = "NewInvitation")
    record InvitationRequest(
            @NotBlank @Size(max = EmailAddress.MAX_LENGTH) @Schema(description = "The address invited; it never changes",
                    example = "ana@example.com") String email,
            @NotNull @Size(max = 100) @Schema(description = "What the invitee gets on accepting",
                    example = "[\"invoices\", \"tickets\"]") Set<@NotBlank @Size(max = 40) String> permissions,
            @Pattern(regexp = "en|fr|de") @Schema(description = """
                    The language of the email and of the accept page; by default the one of Accept-Language""",
                    example = "en") String language,
            @Pattern(regexp = "email|none") @Schema(description = """
                    `email` (the default): Roster emails the link. `none`, for platform API keys only: no email, and \
                    this response carries the accept URL, once, for the platform to deliver itself.""",
                    example = "email", allowableValues = {"email", "none"}) String delivery) {

        boolean emailed() {
            return !"none".equals(delivery);
        }

        /** Not an address: the API's problem names the field {@code email}. */
        EmailAddress address() {
            return EmailAddress.of(email);
        }

        Language invitee(Locale locale) {
            return language == null ? Language.closest(locale) : Language.fromCode(language).orElseThrow();
        }
    }

    @Schema(name = "InvitationPermissionsChange")
    record PermissionsRequest(@NotNull @Size(max = 100) @Schema(description = "The invitation's permissions, all of them",
            example = "[\"invoices\"]") Set<@NotBlank @Size(max = 40) String> permissions) {
    }

    @Schema(name = "Invitation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InvitationResponse(@Schema(example = "31") String id, @Schema(example = "7") String accountId,
            @Schema(example = "ana@example.com") String email,
            @Schema(example = "[\"invoices\", \"tickets\"]") Set<String> permissions,
            @Schema(example = "en") String language,
            @Schema(description = "Now: a pending invitation past its expiry is expired",
                    allowableValues = {"pending", "expired", "accepted", "cancelled"}, example = "pending") String status,
            @Schema(description = "The inviting user; absent when staff or a platform API key invited", example = "12")
            String invitedByUserId,
            @Schema(description = "The inviting user's name", example = "Olga Tester") String invitedByName,
            @Schema(description = "RFC 3339, UTC; a resend moves it", example = "2026-12-01T10:00:00Z") Instant sentAt,
            @Schema(description = "RFC 3339, UTC", example = "2026-12-08T10:00:00Z") Instant expiresAt,
            @Schema(example = "15") String acceptedByUserId, Instant acceptedAt,
            @Schema(description = "The invitation's ETag, for If-Match on an edit", example = "\"0\"") String etag,
            @Schema(description = """
                    Only in the answer to a POST with `delivery: none`: the accept link, shown this once (a retry \
                    with the same Idempotency-Key answers without it). Roster keeps only its hash.""",
                    example = "https://roster.example.com/invitations/accept?token=…") String acceptUrl) {

        static InvitationResponse of(ListedInvitation listed, String acceptUrl) {
            Invitation invitation = listed.invitation();
            return new InvitationResponse(String.valueOf(invitation.id()), String.valueOf(invitation.accountId()),
                    invitation.email().value(), invitation.permissions(), invitation.language().code(),
                    listed.status().name().toLowerCase(Locale.ROOT), id(invitation.invitedByUserId()),
                    listed.inviterName(), invitation.sentAt(), invitation.expiresAt(),
                    id(invitation.acceptedByUserId()), invitation.acceptedAt(), EntityTag.of(invitation.version()),
                    acceptUrl);
        }

        private static String id(Long id) {
            return id == null ? null : String.valueOf(id);
        }
    }

    @Schema(name = "InvitationsPage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InvitationsPage(List<InvitationResponse> items,
            @Schema(description = "The cursor of the next page; absent on the last page") String next) {

        static InvitationsPage of(KeysetPage<ListedInvitation> page) {
            return new InvitationsPage(page.items().stream().map(item -> InvitationResponse.of(item, null)).toList(),
                    page.next());
        }
    }

    @PostMapping(path = INVITATIONS, consumes = "application/json", produces = "application/json")
    @RequiresScope(Scope.INVITATIONS_WRITE)
    @Operation(summary = "Invite someone to the account", description = """
            Sends an invitation, valid for 7 days (configurable), to join the account with these permissions. The \
            rules of Invite New User hold: a personal access token needs `users` and grants only permissions both it \
            and its user hold (403); an address outside the account's allowed domains is 422; a user of the account \
            or an address with a pending invitation is 409 (resend that one instead); too many invitations in an \
            hour is 422. By default Roster emails the link; a platform API key may ask for `delivery: none` and \
            gets the accept URL in this answer, once, to deliver it itself (a token asking for it is 403). Send \
            `Idempotency-Key` to retry safely: a retry gets the first answer, and never a second invitation or \
            email. Audited.""")
    @ApiResponse(responseCode = "201", description = "The invitation",
            headers = {@Header(name = "Location", description = "The invitation's URL"),
                    @Header(name = "ETag", description = "Its version, for If-Match on an edit")})
    @ApiResponse(responseCode = "409", description = "Already a user of the account, or already invited")
    @ApiResponse(responseCode = "422", description = "Not an address, outside the allowed domains, unknown permission, too many")
    ResponseEntity<InvitationResponse> send(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Valid @RequestBody InvitationRequest request, Locale locale, HttpServletRequest http) {
        EmailAddress email = request.address();
        Language language = request.invitee(locale);
        long id;
        String acceptUrl = null;
        if (request.emailed()) {
            id = sendInvitation.send(caller.actor(), accountId.value(), email, request.permissions(), language);
        } else {
            SendInvitation.Issued issued = sendInvitation.sendWithoutEmail(caller.actor(), accountId.value(), email,
                    request.permissions(), language);
            id = issued.id();
            acceptUrl = issued.acceptUrl();
        }
        InvitationResponse invitation = InvitationResponse.of(listing.find(caller.actor(), accountId.value(), id), acceptUrl);
        if (acceptUrl != null) {
            // The link is shown once: an Idempotency-Key keeps this answer without it.
            http.setAttribute(IdempotencyFilter.REPLAY_BODY, json.writeValueAsBytes(InvitationResponse.of(
                    listing.find(caller.actor(), accountId.value(), id), null)));
        }
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId.value() + "/invitations/" + id))
                .header(HttpHeaders.ETAG, invitation.etag()).body(invitation);
    }

    @GetMapping(path = INVITATIONS, produces = "application/json")
    @RequiresScope(Scope.INVITATIONS_READ)
    @Operation(summary = "List an account's invitations", description = """
            Newest first, a page at a time: follow `next` until it is absent. `status` filters (repeat it or \
            separate by commas): `pending` (can still be accepted), `expired` (past its validity; resend it), \
            `accepted`, `cancelled`; none lists all. A platform API key reads any open account, a personal access \
            token only its own and only while it may `users`. Another account's id is 404.""")
    @ApiResponse(responseCode = "200", description = "A page of invitations")
    @ApiResponse(responseCode = "400", description = "A limit outside 1 to 200")
    @ApiResponse(responseCode = "422", description = "An unknown status, or a cursor not given out for this list")
    InvitationsPage list(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "pending, expired, accepted or cancelled", example = "pending,expired")
            @RequestParam(required = false) @Size(max = 4) List<String> status,
            @Parameter(description = "Invitations per page, 1 to 200 (default 50)", example = "50")
            @RequestParam(required = false) @Min(1) @Max(200) Integer limit,
            @Parameter(description = "The `next` of the previous page; none for the first page")
            @RequestParam(required = false) @Size(max = 512) String cursor) {
        return InvitationsPage.of(listing.list(caller.actor(), accountId.value(), statuses(status), Keyset.of(cursor, limit)));
    }

    @GetMapping(path = INVITATION, produces = "application/json")
    @RequiresScope(Scope.INVITATIONS_READ)
    @Operation(summary = "One invitation", description = """
            The invitation and its status now, with an `ETag` for `If-Match` on an edit. Another account's \
            invitation id is 404, like one that does not exist. The accept link is never shown here.""")
    @ApiResponse(responseCode = "200", description = "The invitation",
            headers = @Header(name = "ETag", description = "Its version", schema = @Schema(example = "\"0\"")))
    ResponseEntity<InvitationResponse> invitation(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The invitation's id", example = "31") @PathVariable InvitationId invitationId) {
        return represented(caller, accountId.value(), invitationId.value());
    }

    @PostMapping(path = INVITATION + "/resend", produces = "application/json")
    @RequiresScope(Scope.INVITATIONS_WRITE)
    @Operation(summary = "Resend an invitation", description = """
            Emails a new link to a pending or expired invitation: the old link stops working at once and the \
            validity starts again. Counts against the same hourly limits as a new invitation (422). An accepted or \
            cancelled invitation is 409. A token may resend only invitations whose permissions are within its own.""")
    @ApiResponse(responseCode = "200", description = "The invitation, with its new expiry")
    @ApiResponse(responseCode = "409", description = "Accepted or cancelled")
    @ApiResponse(responseCode = "422", description = "Too many invitations in the last hour")
    ResponseEntity<InvitationResponse> resend(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The invitation's id", example = "31") @PathVariable InvitationId invitationId) {
        resendInvitation.resend(caller.actor(), accountId.value(), invitationId.value());
        return represented(caller, accountId.value(), invitationId.value());
    }

    @DeleteMapping(INVITATION)
    @RequiresScope(Scope.INVITATIONS_WRITE)
    @Operation(summary = "Cancel an invitation", description = """
            The link stops working; the invitation stays, `cancelled`, as history. One that is no longer pending \
            (accepted, cancelled, expired) is 409. A token may cancel only invitations whose permissions are \
            within its own. Audited.""")
    @ApiResponse(responseCode = "204", description = "Cancelled")
    @ApiResponse(responseCode = "409", description = "No longer pending")
    ResponseEntity<Void> cancel(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The invitation's id", example = "31") @PathVariable InvitationId invitationId) {
        cancelInvitation.cancel(caller.actor(), accountId.value(), invitationId.value());
        return ResponseEntity.noContent().build();
    }

    @PatchMapping(path = INVITATION, consumes = {"application/json", "application/merge-patch+json"},
            produces = "application/json")
    @RequiresScope(Scope.INVITATIONS_WRITE)
    @Operation(summary = "Change a pending invitation's permissions", description = """
            Sets the permissions the invitee gets; the link stays valid and the address never changes (cancel \
            and invite again). Send `If-Match` with the `ETag` you read: 428 without it, 412 when it was edited \
            since. One that is no longer pending is 409. A token grants only permissions both it and its user \
            hold (403). Audited.""")
    @ApiResponse(responseCode = "200", description = "The invitation after the change",
            headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "409", description = "No longer pending")
    @ApiResponse(responseCode = "412", description = "Edited since the ETag sent in If-Match")
    @ApiResponse(responseCode = "422", description = "An unknown permission key")
    @ApiResponse(responseCode = "428", description = "No If-Match sent")
    ResponseEntity<InvitationResponse> edit(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The invitation's id", example = "31") @PathVariable InvitationId invitationId,
            @Parameter(description = "The invitation's ETag, as read", example = "\"0\"", required = true)
            @RequestHeader(name = EntityTag.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PermissionsRequest request) {
        long version = EntityTag.required(ifMatch);
        try {
            editInvitation.edit(caller.actor(), accountId.value(), invitationId.value(), request.permissions(), version);
        } catch (ChangedMeanwhile stale) {
            throw EntityTag.stale();
        }
        return represented(caller, accountId.value(), invitationId.value());
    }

    private ResponseEntity<InvitationResponse> represented(ApiCaller caller, long accountId, long invitationId) {
        InvitationResponse invitation = InvitationResponse.of(listing.find(caller.actor(), accountId, invitationId),
                null);
        return ResponseEntity.ok().header(HttpHeaders.ETAG, invitation.etag()).body(invitation);
    }

    private static Set<Invitation.Status> statuses(List<String> asked) {
        Set<Invitation.Status> statuses = EnumSet.noneOf(Invitation.Status.class);
        for (String status : asked == null ? List.<String>of() : asked.stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(","))).toList()) {
            try {
                statuses.add(Invitation.Status.valueOf(status.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                throw new Refusal(Refusal.Kind.INVALID, "api.invitation.unknownStatus", "status");
            }
        }
        return statuses;
    }
}
