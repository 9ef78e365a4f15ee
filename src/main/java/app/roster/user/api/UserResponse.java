package app.roster.user.api;

import app.roster.user.ListedUser;
import app.roster.user.User;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A user as the API shows them; never a password hash, a second-factor secret or a login IP. */
@Schema(name = "User")
public record UserResponse(@Schema(example = "12") String id, @Schema(example = "ada@acme.example") String email,
        @Schema(example = "Ada") String firstName, @Schema(example = "Lovelace") String lastName,
        @Schema(description = "en, fr or de: the language of the emails Roster sends them", example = "en")
        String language,
        @Schema(description = "Whether they proved the address is theirs") boolean emailVerified,
        @Schema(description = "A disabled user cannot log in") boolean disabled,
        boolean twoFactorEnabled,
        @Schema(description = "RFC 3339, UTC; null if never", example = "2026-03-02T08:00:00Z") Instant lastLoginAt,
        @Schema(example = "2026-03-01T09:30:00Z") Instant createdAt) {

    public static UserResponse of(User user) {
        return new UserResponse(String.valueOf(user.id()), user.email().value(), user.firstName(), user.lastName(),
                user.language().code(), user.emailVerified(), user.disabled(), user.twoFactorEnabled(),
                user.lastLogin() == null ? null : user.lastLogin().at(), user.createdAt());
    }

    static UserResponse of(ListedUser user) {
        return new UserResponse(String.valueOf(user.id()), user.email(), user.firstName(), user.lastName(),
                user.language().code(), user.emailVerified(), user.disabled(), user.twoFactorEnabled(),
                user.lastLoginAt(), user.createdAt());
    }
}
