package app.roster.contact;

import app.roster.shared.Refusal;

/** A contact change the rules refuse; {@code field} names the form field the message belongs to. */
public class ContactRefused extends Refusal {

    public ContactRefused(String field, String messageKey) {
        super(Kind.INVALID, messageKey, field);
    }
}
