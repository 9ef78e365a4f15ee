package app.roster.membership.api;

import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.membership.AccessChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Many "may user U do P in account A?" questions answered in one call and one query. */
@RestController
@Tag(name = "Members")
class AccessChecksApiController {

    private static final String ID = "[1-9][0-9]{0,17}";

    private final AccessChecks checks;

    AccessChecksApiController(AccessChecks checks) {
        this.checks = checks;
    }

    @Schema(name = "AccessCheck")
    record CheckRequest(@NotNull @Pattern(regexp = ID) @Schema(example = "12") String userId,
            @NotNull @Pattern(regexp = ID) @Schema(example = "7") String accountId,
            @NotBlank @Size(max = 40) @Schema(example = "invoices") String permission) {

        AccessChecks.Check toCheck() {
            return new AccessChecks.Check(Long.parseLong(userId), Long.parseLong(accountId), permission);
        }
    }

    @Schema(name = "AccessChecksRequest")
    record AccessChecksRequest(@NotNull @Size(min = 1, max = AccessChecks.MAX_CHECKS) List<@Valid @NotNull CheckRequest> checks) {
    }

    @Schema(name = "AccessCheckResult")
    record CheckResult(@Schema(example = "12") String userId, @Schema(example = "7") String accountId,
            @Schema(example = "invoices") String permission, boolean allowed) {
    }

    @Schema(name = "AccessChecksResponse")
    record AccessChecksResponse(@Schema(description = "One result per check, in the order asked") List<CheckResult> results) {
    }

    @PostMapping(path = "/api/v1/access-checks", consumes = "application/json", produces = "application/json")
    @RequiresScope(Scope.MEMBERS_READ)
    @Operation(summary = "Check many permissions at once", description = """
            Up to 100 `{userId, accountId, permission}` questions answered in one call, in the order asked, from \
            one database query. `allowed` is false for a user who is not a member, a closed account, or an account \
            beyond the credential's reach (a personal access token reaches only its own account, and its other \
            users only while it may `users` there). An unknown permission key is 422.""")
    AccessChecksResponse check(ApiCaller caller, @Valid @RequestBody AccessChecksRequest request) {
        List<AccessChecks.Check> asked = request.checks().stream().map(CheckRequest::toCheck).toList();
        List<Boolean> answers = checks.check(caller.actor(), asked);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            CheckRequest check = request.checks().get(i);
            results.add(new CheckResult(check.userId(), check.accountId(), check.permission(), answers.get(i)));
        }
        return new AccessChecksResponse(results);
    }
}
