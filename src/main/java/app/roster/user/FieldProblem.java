package app.roster.user;

/** A rejected input: which form field, and the message key that explains why. */
public record FieldProblem(String field, String messageKey) {
}
