package app.roster.admin.api;

import app.roster.account.AccountId;
import app.roster.admin.AssociateUser;
import app.roster.api.ApiCaller;
import app.roster.api.EntityTag;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.membership.AccessChecks;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adding an existing user to an account at once (rule 8, "Associate User" with Send Invite = no): a staff use case,
 * hence here, for the platform's own systems.
 */
@RestController
@Tag(name = "Members")
class DirectMembersApiController {


    private final AssociateUser associateUser;
    private final AccessChecks checks;

    DirectMembersApiController(AssociateUser associateUser, AccessChecks checks) {
        this.associateUser = associateUser;
        this.checks = checks;
    }

    @Schema(name = "NewMember")
    record AddMemberRequest(@NotNull @Pattern(regexp = "[1-9][0-9]{0,17}") @Schema(description = "An existing user",
            example = "12") String userId,
            @NotNull @Size(max = 100) @Schema(description = "The permissions the user gets in the account",
                    example = "[\"invoices\", \"tickets\"]") Set<@NotBlank @Size(max = 40) String> permissions) {

        AssociateUser.Association toAssociation() {
            return new AssociateUser.Association(Long.parseLong(userId), null, null, null, null, permissions, false);
        }
    }

    @Schema(name = "AddedMember", description = "The new member; GET its Location for the full Member")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberResponse(@Schema(example = "7") String accountId, @Schema(example = "12") String userId,
            boolean owner, @Schema(example = "[\"invoices\", \"tickets\"]") Set<String> permissions) {
    }

    @PostMapping(path = "/api/v1/accounts/{accountId}/members", consumes = "application/json",
            produces = "application/json")
    @RequiresScope(Scope.MEMBERS_WRITE)
    @Operation(summary = "Add an existing user to the account", description = """
            Makes an existing user a member at once, with these permissions, as an Administrator's "Associate \
            User" with Send Invite = no does: no invitation, no email to accept. The account's allowed email \
            domains hold (422 for an address outside them), and so does rule 7: a user of the account already, or \
            an address with a pending invitation, is 409. For platform API keys only: a personal access token is \
            refused (403) and invites instead. Send `Idempotency-Key` to retry safely. Audited.""")
    @ApiResponse(responseCode = "201", description = "The new member",
            headers = @Header(name = "Location", description = "The member's URL"))
    @ApiResponse(responseCode = "409", description = "Already a user of the account, or invited to it")
    @ApiResponse(responseCode = "422", description = "No such user, an unknown permission, outside the allowed domains")
    ResponseEntity<MemberResponse> add(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable AccountId accountId,
            @Valid @RequestBody AddMemberRequest request) {
        associateUser.associate(caller.actor(), accountId.value(), request.toAssociation());
        AccessChecks.MemberPermissions member = checks.member(caller.actor(), accountId.value(), Long.parseLong(request.userId()));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId.value() + "/members/" + member.userId()))
                .header(HttpHeaders.ETAG, EntityTag.of(member.version()))
                .body(new MemberResponse(String.valueOf(accountId.value()), String.valueOf(member.userId()), member.owner(),
                        member.permissions()));
    }
}
