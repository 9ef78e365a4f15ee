package app.roster.membership;

import app.roster.shared.Refusal;

/** A membership change the rules do not allow; the message key says which rule, for the page. */
public class MembershipRefused extends Refusal {

    public MembershipRefused(String messageKey) {
        super(Kind.FORBIDDEN, messageKey, null);
    }

    /** A refusal about one input (the re-entered password), shown next to it. */
    MembershipRefused(String messageKey, String field) {
        super(Kind.INVALID, messageKey, field);
    }
}
