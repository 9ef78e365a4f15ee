package app.roster.invitation;

/** An invitation action the rules refuse; the key (and arguments) explain why next to the field. */
public class InvitationRefused extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final Long existingInvitationId;

    public InvitationRefused(String messageKey, Object... arguments) {
        this(messageKey, null, arguments);
    }

    InvitationRefused(String messageKey, Long existingInvitationId, Object... arguments) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.existingInvitationId = existingInvitationId;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** For "already invited": the pending invitation the page offers to resend. */
    public Long existingInvitationId() {
        return existingInvitationId;
    }
}
