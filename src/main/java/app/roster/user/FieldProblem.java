package app.roster.user;

import java.util.List;

/** A rejected input: which form field, the message key that explains why, and the message's arguments. */
public record FieldProblem(String field, String messageKey, List<String> arguments) {

    public FieldProblem {
        arguments = List.copyOf(arguments);
    }

    public FieldProblem(String field, String messageKey) {
        this(field, messageKey, List.of());
    }
}
