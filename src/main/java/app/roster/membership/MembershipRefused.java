package app.roster.membership;

/** A membership change the rules do not allow; the message key says which rule, for the page. */
public class MembershipRefused extends RuntimeException {

    private final String messageKey;

    public MembershipRefused(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
