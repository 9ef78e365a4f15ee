package app.roster.user.api;

import app.roster.api.ApiRepresentations;
import app.roster.user.FindUsers;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A user in webhook payloads, as {@code GET /api/v1/users/{id}} answers them. */
@Component
class UserRepresentation implements ApiRepresentations.OfUser {

    private final FindUsers users;

    UserRepresentation(FindUsers users) {
        this.users = users;
    }

    @Override
    public Optional<Object> user(long userId) {
        return users.read(userId).map(UserResponse::of);
    }
}
