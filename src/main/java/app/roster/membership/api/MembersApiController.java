package app.roster.membership.api;

import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.membership.AccessChecks;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The platform's hot path: a user's permissions in an account, read live. */
@RestController
@Tag(name = "Members", description = "Users in client accounts and their permissions")
class MembersApiController {

    private final AccessChecks checks;

    MembersApiController(AccessChecks checks) {
        this.checks = checks;
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

    @GetMapping(path = "/api/v1/accounts/{accountId}/members/{userId}", produces = "application/json")
    @RequiresScope(Scope.MEMBERS_READ)
    @Operation(summary = "A member's permissions", description = """
            The user's live permissions in the account and whether they own it; 404 when the user is not a member, \
            the account is closed, or the account is beyond the credential's reach (the same answer as for an id \
            that does not exist). A platform API key reads every account. A personal access token reads only its own \
            account: its own user always, any other user only while it may `users` there (403 otherwise). The \
            `permissions` reported are the member's own, not capped by the token; a token reading its own user \
            also gets `tokenPermissions`, what the token itself may do.""")
    MemberResponse member(ApiCaller caller,
            @Parameter(description = "The account's id", example = "7") @PathVariable long accountId,
            @Parameter(description = "The user's id", example = "12") @PathVariable long userId) {
        return MemberResponse.of(checks.member(caller.actor(), accountId, userId));
    }
}
