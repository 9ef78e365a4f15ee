package app.roster.admin;

import java.time.OffsetDateTime;

/** A user of a client account, as staff see them. */
public record ClientUser(long id, String name, String email, OffsetDateTime lastLoginAt, boolean owner) {
}
