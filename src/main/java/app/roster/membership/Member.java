package app.roster.membership;

import java.time.Instant;
import java.util.Set;

/** A user of an account as the User Management page lists them. */
public record Member(long userId, String firstName, String lastName, String email, boolean owner,
        Set<String> permissions, Instant lastLoginAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
