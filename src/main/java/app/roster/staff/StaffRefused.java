package app.roster.staff;

/** A staff change refused; the field it belongs next to (or {@code null} for the page) and the message key. */
public class StaffRefused extends RuntimeException {

    private final String field;
    private final String messageKey;

    StaffRefused(String field, String messageKey) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
