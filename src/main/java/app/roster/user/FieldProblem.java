package app.roster.user;

import app.roster.shared.Refusal;

/** A rejected input: the form field, the message key that explains why, and the message's arguments. */
public class FieldProblem extends Refusal {

    public FieldProblem(String field, String messageKey, Object... arguments) {
        super(Kind.INVALID, messageKey, field, arguments);
    }
}
