package app.roster.account.api;

import app.roster.account.Account;
import app.roster.account.AccountProfile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One client account as the API shows it: its profile, status, owner and creation time. */
@Schema(name = "Account")
public record AccountResponse(@Schema(example = "7") String id,
        @Schema(example = "Acme Hosting") String name,
        @Schema(example = "Acme Ltd") String companyName,
        @Schema(example = "1 High Street") String address1,
        @Schema(example = "Unit 4") String address2,
        @Schema(example = "London") String city,
        @Schema(example = "Greater London") String region,
        @Schema(example = "EC1A 1AA") String postcode,
        @Schema(description = "ISO 3166-1 alpha-2", example = "GB") String country,
        @Schema(example = "+44 20 7946 0000") String phone,
        @Schema(example = "GB123456789") String taxId,
        @Schema(description = "ACTIVE, or CLOSED: nobody gets in until it is reopened", example = "ACTIVE")
        String status,
        @Schema(description = "The owner's user id; the owner holds every permission", example = "12")
        String ownerUserId,
        @Schema(description = "RFC 3339, UTC", example = "2026-03-01T09:30:00Z") Instant createdAt) {

    public static AccountResponse of(Account account) {
        AccountProfile p = account.profile();
        return new AccountResponse(String.valueOf(account.id()), p.name(), p.companyName(), p.address1(),
                p.address2(), p.city(), p.region(), p.postcode(), p.country(), p.phone(), p.taxId(),
                account.status().name(), String.valueOf(account.ownerUserId()), account.createdAt());
    }
}
