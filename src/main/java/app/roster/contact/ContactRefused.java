package app.roster.contact;

/** A contact change the rules refuse; {@code field} names the form field the message belongs to. */
public class ContactRefused extends RuntimeException {

    private final String field;
    private final String messageKey;

    public ContactRefused(String field, String messageKey) {
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
