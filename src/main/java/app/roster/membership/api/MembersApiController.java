package app.roster.membership.api;

import app.roster.user.UserId;
import app.roster.account.AccountId;
import app.roster.api.ApiCaller;
import app.roster.api.EntityTag;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.membership.AccessChecks;
import app.roster.membership.ChangePermissions;
import app.roster.membership.LeaveAccount;
import app.roster.membership.ListedMember;
import app.roster.membership.MemberListing;
import app.roster.membership.RemoveMember;
import app.roster.membership.TransferOwnership;
import app.roster.shared.ChangedMeanwhile;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.shared.SearchTerm;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
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

/**
 * An account's users over the API: the list, one member (the platform's hot path), changing permissions, removing,
 * leaving and handing ownership over, each through the use case the pages call.
 */
@RestController
@Tag(name = "Members", description = "Users in client accounts and their permissions")
class MembersApiController {

    private static final String MEMBERS = "/api/v1/accounts/{accountId}/members";
    private static final String MEMBER = MEMBERS + "/{userId}";
    private static final String ID = "[1-9][0-9]{0,17}";

    private final AccessChecks checks;
    private final MemberListing listing;
    private final ChangePermissions changePermissions;
    private final RemoveMember removeMember;
    private final LeaveAccount leaveAccount;
    private final TransferOwnership transferOwnership;

    MembersApiController(AccessChecks checks, MemberListing listing, ChangePermissions changePermissions,
            RemoveMember removeMember, LeaveAccount leaveAccount, TransferOwnership transferOwnership) {
        this.checks = checks;
        this.listing = listing;
        this.changePermissions = changePermissions;
        this.removeMember = removeMember;
        this.leaveAccount = leaveAccount;
        this.transferOwnership = transferOwnership;
    }

    @Schema(name = "Member")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberResponse(@Schema(example = "7") String accountId, @Schema(example = "12") String userId,
            @Schema(description = "The account's owner, who holds every permission") boolean owner,
            @Schema(description = "The user's permissions in the account, live; the owner's are every permission",
                    example = "[\"invoices\", \"tickets\"]") Set<String> permissions,
            @Schema(description = """
                    Only when a personal access token reads its own user: what the token itself may do in the \
                    account (its permissions ∩ the user's).""", example = "[\"invoices\"]")
            Set<String> tokenPermissions) {

        static MemberResponse of(AccessChecks.MemberPermissions member) {
            return new MemberResponse(String.valueOf(member.accountId()), String.valueOf(member.userId()),
                    member.owner(), member.permissions(), member.actorPermissions());
        }
    }

    @Schema(name = "MemberListItem", description = "A user of the account as the list gives them")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ListedMemberResponse(@Schema(example = "12") String userId,
            @Schema(example = "ana@example.com") String email, @Schema(example = "Ana") String firstName,
            @Schema(example = "Lima") String lastName, boolean emailVerified,
            @Schema(description = "The account's owner, who holds every permission") boolean owner,
            @Schema(description = """
                    False while the membership waits for the user to verify an address inside the account's allowed \
                    domains: it grants nothing yet, and the member routes answer 404 for it until then.""")
            boolean active,
            @Schema(example = "[\"invoices\", \"tickets\"]") Set<String> permissions,
            @Schema(description = "The member's ETag, for If-Match on a change", example = "\"3\"") String etag,
            @Schema(description = "RFC 3339, UTC", example = "2026-05-01T09:30:00Z") Instant joinedAt,
            @Schema(description = "RFC 3339, UTC; absent when the user never logged in",
                    example = "2026-11-30T17:02:11Z") Instant lastLoginAt) {

        static ListedMemberResponse of(ListedMember member) {
            return new ListedMemberResponse(String.valueOf(member.userId()), member.email(), member.firstName(),
                    member.lastName(), member.emailVerified(), member.owner(), member.active(), member.permissions(),
                    EntityTag.of(member.version()), member.joinedAt(), member.lastLoginAt());
        }
    }

    @Schema(name = "MembersPage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MembersPage(List<ListedMemberResponse> items,
            @Schema(description = "The cursor of the next page; absent on the last page",
                    example = "AW1lbWJlcnMKCjEyN1x0Ak0mHQ") String next) {

        static MembersPage of(KeysetPage<ListedMember> page) {
            return new MembersPage(page.items().stream().map(ListedMemberResponse::of).toList(), page.next());
        }
    }

    @Schema(name = "MemberPermissionsChange")
    record PermissionsRequest(@NotNull @Size(max = 100) @Schema(description = """
            The member's permissions after the change, all of them: a permission left out is taken away.""",
            example = "[\"invoices\", \"tickets\"]") Set<@NotBlank @Size(max = 40) String> permissions) {
    }

    @Schema(name = "OwnershipTransfer")
    record OwnerRequest(@NotNull @Pattern(regexp = ID) @Schema(description = "The user who becomes the owner",
            example = "12") String userId) {

        long user() {
            return Long.parseLong(userId);
        }
    }

    @GetMapping(path = MEMBERS, produces = "application/json")
    @RequiresScope(Scope.MEMBERS_READ)
    @Operation(summary = "List an account's users", description = """
            The account's users by user id, a page at a time: follow `next` until it is absent. Users who join \
            while you walk the list show up on a later page or not at all; none is repeated or skipped. `search` \
            is a prefix of the email address, the first or the last name, case-insensitive. A platform API key \
            reads any open account; a personal access token only its own, and only while it may `users` there \
            (403 otherwise). Another account's id, a missing or closed one is 404.""")
    @ApiResponse(responseCode = "200", description = "A page of users")
    @ApiResponse(responseCode = "400", description = "A limit outside 1 to 200")
    @ApiResponse(responseCode = "422", description = "A cursor that was not given out for this list")
    MembersPage list(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "An email, first or last name prefix", example = "ana")
            @RequestParam(required = false) @Size(max = 100) String search,
            @Parameter(description = "Users per page, 1 to 200 (default 50)", example = "50")
            @RequestParam(required = false) @Min(1) @Max(200) Integer limit,
            @Parameter(description = "The `next` of the previous page; none for the first page")
            @RequestParam(required = false) @Size(max = 512) String cursor) {
        return MembersPage.of(listing.list(caller.actor(), accountId.value(), SearchTerm.of(search), Keyset.of(cursor, limit)));
    }

    @GetMapping(path = MEMBER, produces = "application/json")
    @RequiresScope(Scope.MEMBERS_READ)
    @Operation(summary = "A member's permissions", description = """
            The user's live permissions in the account and whether they own it; 404 when the user is not a member, \
            the account is closed, or the account is beyond the credential's reach (the same answer as for an id \
            that does not exist). A platform API key reads every account. A personal access token reads only its own \
            account: its own user always, any other user only while it may `users` there (403 otherwise). The \
            `permissions` reported are the member's own, not capped by the token; a token reading its own user \
            also gets `tokenPermissions`, what the token itself may do. The `ETag` names the version of the \
            member's permissions, for `If-Match` on a change.""")
    @ApiResponse(responseCode = "200", description = "The member",
            headers = @Header(name = "ETag", description = "The version of the member's permissions",
                    schema = @Schema(example = "\"3\"")))
    ResponseEntity<MemberResponse> member(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId) {
        return represented(checks.member(caller.actor(), accountId.value(), userId.value()));
    }

    @PatchMapping(path = MEMBER, consumes = {"application/json", "application/merge-patch+json"},
            produces = "application/json")
    @RequiresScope(Scope.MEMBERS_WRITE)
    @Operation(summary = "Change a member's permissions", description = """
            Sets the member's permissions to exactly `permissions`. Send `If-Match` with the `ETag` you read: 428 \
            without it, 412 when someone changed the member since (read it again and decide again). A platform API \
            key sets any user's but the owner's. A personal access token acts as its user, with at most the \
            token's permissions: it needs `users`, never changes the owner nor its own user, and may grant or take \
            away only permissions both it and its user hold — a change that would touch any other permission is \
            refused (403) and changes nothing. Audited; the member is told by email.""")
    @ApiResponse(responseCode = "200", description = "The member after the change",
            headers = @Header(name = "ETag", description = "The new version", schema = @Schema(example = "\"4\"")))
    @ApiResponse(responseCode = "412", description = "Changed since the ETag sent in If-Match")
    @ApiResponse(responseCode = "422", description = "An unknown permission key")
    @ApiResponse(responseCode = "428", description = "No If-Match sent")
    ResponseEntity<MemberResponse> changePermissions(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId,
            @Parameter(description = "The member's ETag, as read", example = "\"3\"", required = true)
            @RequestHeader(name = EntityTag.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PermissionsRequest request) {
        long version = EntityTag.required(ifMatch);
        unlessStale(() -> changePermissions.changeExactly(caller.actor(), accountId.value(), userId.value(),
                request.permissions(), version));
        return represented(checks.member(caller.actor(), accountId.value(), userId.value()));
    }

    @DeleteMapping(MEMBER)
    @RequiresScope(Scope.MEMBERS_WRITE)
    @Operation(summary = "Remove a user from the account", description = """
            A platform API key removes any user but the owner. A personal access token needs `users` and removes \
            only users whose permissions are all within its own (and its user's), never the owner nor its own user \
            (leave instead). `If-Match` is optional: with it, the removal happens only while the member is still at \
            that version (412 otherwise). Audited; the user is told by email.""")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "412", description = "Changed since the ETag sent in If-Match")
    ResponseEntity<Void> remove(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Parameter(description = "The user's id", example = "12") @PathVariable UserId userId,
            @Parameter(description = "The member's ETag, as read", example = "\"3\"")
            @RequestHeader(name = EntityTag.IF_MATCH, required = false) String ifMatch) {
        OptionalLong version = EntityTag.optional(ifMatch);
        unlessStale(() -> {
            removeMember.remove(caller.actor(), accountId.value(), userId.value(), version.isPresent() ? version.getAsLong() : null);
            return null;
        });
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(MEMBERS + "/me")
    @RequiresScope(Scope.MEMBERS_WRITE)
    @Operation(summary = "Leave the account", description = """
            A personal access token takes its own user out of its account (rule 2); the token dies with the \
            membership. The owner cannot leave (403: transfer ownership first). Needs `members:write`, which a token \
            carries only with `users`: a token made for, say, invoices cannot take its user out of the account. A \
            platform API key has no user to take out (403); it removes users instead.""")
    @ApiResponse(responseCode = "204", description = "Left")
    ResponseEntity<Void> leave(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId) {
        leaveAccount.leave(caller.actor(), accountId.value());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/owner", consumes = "application/json",
            produces = "application/json")
    @RequiresScope(Scope.MEMBERS_WRITE)
    @Operation(summary = "Transfer ownership", description = """
            A platform API key makes another user of the account its owner, as an Administrator's "Make Owner" \
            does; the former owner stays with every permission. Making the owner owner again changes nothing. A \
            personal access token cannot (403): the owner hands ownership over in the Client Area, re-entering \
            their password. Audited.""")
    @ApiResponse(responseCode = "200", description = "The new owner")
    ResponseEntity<MemberResponse> transfer(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Valid @RequestBody OwnerRequest request) {
        transferOwnership.transfer(caller.actor(), accountId.value(), request.user(), null);
        return represented(checks.member(caller.actor(), accountId.value(), request.user()));
    }

    private static ResponseEntity<MemberResponse> represented(AccessChecks.MemberPermissions member) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, EntityTag.of(member.version()))
                .body(MemberResponse.of(member));
    }

    /** The version the client sent is no longer the member's: 412, as If-Match asks. */
    private static <T> T unlessStale(Supplier<T> change) {
        try {
            return change.get();
        } catch (ChangedMeanwhile stale) {
            throw EntityTag.stale();
        }
    }
}
