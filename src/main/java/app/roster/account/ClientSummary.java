package app.roster.account;

import app.roster.account.AccountStatus;
import java.time.OffsetDateTime;

/** A row of the clients list. */
public record ClientSummary(long id, String name, String companyName, String ownerName, String ownerEmail,
        String status, OffsetDateTime createdAt) {

    public boolean active() {
        return AccountStatus.ACTIVE.name().equals(status);
    }
}
