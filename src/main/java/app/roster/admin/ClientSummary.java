package app.roster.admin;

import java.time.OffsetDateTime;

/** A row of the clients list. */
public record ClientSummary(long id, String name, String ownerName, String ownerEmail, OffsetDateTime createdAt) {
}
