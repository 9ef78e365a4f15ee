package app.roster.audit.api;

import app.roster.api.ApiCaller;
import app.roster.api.RequiresScope;
import app.roster.api.Scope;
import app.roster.audit.AuditEntry;
import app.roster.audit.AuditListing;
import app.roster.audit.AuditQuery;
import app.roster.shared.Actor;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for the platform's own systems (a SIEM, the billing platform's support tools). */
@RestController
@Tag(name = "Audit", description = "Who changed what, when and from where")
class AuditApiController {

    private final AuditListing listing;

    AuditApiController(AuditListing listing) {
        this.listing = listing;
    }

    @Schema(name = "AuditActor")
    record ActorResponse(@Schema(example = "API_KEY") String type, @Schema(example = "3") String id,
            @Schema(example = "Billing sync") String label) {
    }

    @Schema(name = "AuditEvent")
    record AuditEventResponse(@Schema(example = "90211") String id,
            @Schema(example = "2026-12-02T03:16:51.123456Z") String occurredAt,
            @Schema(example = "contact.added") String action, ActorResponse actor,
            @Schema(example = "203.0.113.7") String ip, @Schema(example = "7") String accountId,
            @Schema(example = "12") String userId,
            @Schema(description = "What changed, as the Admin Area shows it (never a password or token)",
                    example = "name=Ada Lovelace;email=ada@example.com;subscriptions=general;contact=17") String details) {

        static AuditEventResponse of(AuditEntry e) {
            return new AuditEventResponse(String.valueOf(e.id()), e.occurredAt().toString(), e.action(),
                    new ActorResponse(e.actorType(), e.actorId() == null ? null : String.valueOf(e.actorId()),
                            e.actorLabel()), e.ip(), text(e.accountId()), text(e.userId()), e.details());
        }

        private static String text(Long id) {
            return id == null ? null : String.valueOf(id);
        }
    }

    @Schema(name = "AuditEventPage")
    record AuditEventPage(List<AuditEventResponse> items,
            @Schema(description = "The cursor of the next page, null on the last") String next) {

        static AuditEventPage of(KeysetPage<AuditEntry> page) {
            return new AuditEventPage(page.items().stream().map(AuditEventResponse::of).toList(), page.next());
        }
    }

    @GetMapping(path = "/api/v1/audit-events", produces = "application/json")
    @RequiresScope(Scope.AUDIT_READ)
    @Operation(summary = "Search the audit trail", description = """
            The trail newest first (by time, then id), `limit` entries at a time (1 to 200, 50 by default); pass \
            the answer's `next` as `cursor` for the next page, with the same filters. Every filter is optional and \
            they combine: `account`, `user` (the user concerned), `actorType` with or without `actorId` (who \
            acted), `action` (exact, e.g. `contact.added`), and the time range `from` (inclusive) to `to` \
            (exclusive) in RFC 3339. Platform API keys only: a personal access token never reads the trail (403). \
            A bad cursor or limit is 422, a malformed time or actor type 400.""")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "A filter that is not of its type")
    @ApiResponse(responseCode = "422", description = "A bad cursor or limit")
    AuditEventPage list(ApiCaller caller,
            @Parameter(description = "Entries about this account", example = "7") @RequestParam(required = false) Long account,
            @Parameter(description = "Entries about this user", example = "12") @RequestParam(required = false) Long user,
            @Parameter(description = "Who acted: USER, STAFF, SYSTEM, ANONYMOUS, API_KEY or TOKEN", example = "API_KEY")
            @RequestParam(required = false) Actor.Type actorType,
            @Parameter(description = "The acting user's, staff member's, key's or token's id", example = "3")
            @RequestParam(required = false) Long actorId,
            @Parameter(description = "The exact action", example = "contact.added")
            @RequestParam(required = false) @Size(max = 100) String action,
            @Parameter(description = "From this instant, inclusive (RFC 3339)", example = "2026-12-01T00:00:00Z")
            @RequestParam(required = false) Instant from,
            @Parameter(description = "Until this instant, exclusive (RFC 3339)", example = "2026-12-02T00:00:00Z")
            @RequestParam(required = false) Instant to,
            @Parameter(description = "The `next` of the previous page; none for the first page")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "Entries per page, 1 to 200", example = "50") @RequestParam(required = false) Integer limit) {
        AuditQuery query = new AuditQuery(account, actorType, actorId, user, action, from, to);
        return AuditEventPage.of(listing.list(caller.actor(), query, Keyset.of(cursor, limit)));
    }
}
