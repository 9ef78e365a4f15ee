package app.roster.account;

import java.time.Instant;

/** A client account: the billing entity. Its owner also holds a membership (see the membership module). */
public record Account(long id, AccountProfile profile, long ownerUserId, AccountStatus status,
        Instant createdAt) {

    public String name() {
        return profile.name();
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }
}
