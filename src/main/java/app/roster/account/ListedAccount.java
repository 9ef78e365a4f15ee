package app.roster.account;

import java.time.Instant;

/** A client account as the API lists it, with its owner. {@code status} is ACTIVE or CLOSED. */
public record ListedAccount(long id, String name, String companyName, String status, Instant createdAt,
        long ownerUserId, String ownerFirstName, String ownerLastName, String ownerEmail) {
}
