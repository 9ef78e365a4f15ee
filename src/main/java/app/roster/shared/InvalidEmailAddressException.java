package app.roster.shared;

/** Thrown by {@link EmailAddress} with a message key the pages and the API translate. */
public class InvalidEmailAddressException extends IllegalArgumentException {

    private final String messageKey;

    public InvalidEmailAddressException(String messageKey) {
        super("Invalid email address");
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
