package app.roster.user;

/** A user found by name or email for "Associate User". */
public record FoundUser(long id, String name, String email) {
}
