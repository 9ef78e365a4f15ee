package app.roster.membership.api;

import app.roster.api.ApiRepresentations;
import app.roster.membership.AccessChecks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A member in webhook payloads, as {@code GET /api/v1/accounts/{id}/members/{userId}} answers them. */
@Component
class MemberRepresentation implements ApiRepresentations.OfMember {

    private final AccessChecks checks;

    MemberRepresentation(AccessChecks checks) {
        this.checks = checks;
    }

    @Override
    public Optional<Object> member(long accountId, long userId) {
        return checks.read(accountId, userId).map(MembersApiController.MemberResponse::of);
    }
}
