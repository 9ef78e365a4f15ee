package app.roster.credential;

import app.roster.shared.Refusal;

/** A credential that cannot be created as asked; the message key says why, next to its field. */
public class CredentialRefused extends Refusal {

    public CredentialRefused(String field, String messageKey, Object... arguments) {
        super(Kind.INVALID, messageKey, field, arguments);
    }
}
