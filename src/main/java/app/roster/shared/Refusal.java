package app.roster.shared;

import java.util.Objects;

/**
 * A rule says no: nothing changed. One type for every feature, so that one mapping turns it into a page (a
 * message next to {@code field}, or a 403/404/409 page) or, for the API, into an RFC 9457 problem.
 */
public class Refusal extends RuntimeException {

    /** Which answer the refusal deserves, whatever the channel. */
    public enum Kind {
        /** The id does not exist or lies beyond the actor's account (rule 4): 404. */
        NOT_FOUND,
        /** The actor may see this but lacks the permission or role for the action: 403. */
        FORBIDDEN,
        /** The data changed meanwhile, or the request clashes with what exists: 409. */
        CONFLICT,
        /** The input breaks a rule: shown next to its field, 400 without a form. */
        INVALID
    }

    private final Kind kind;
    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public Refusal(Kind kind, String messageKey, String field, Object... arguments) {
        super(messageKey, null, false, false);
        this.kind = Objects.requireNonNull(kind);
        this.messageKey = Objects.requireNonNull(messageKey);
        this.field = field;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public static Refusal forbidden(String messageKey) {
        return new Refusal(Kind.FORBIDDEN, messageKey, null);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The form field the message belongs next to; null when it concerns the action as a whole. */
    public String field() {
        return field;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
