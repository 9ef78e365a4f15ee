package app.roster.admin;

import app.roster.shared.Refusal;

/** "Associate User" or "Add New Client" refused: the field it belongs next to and the admin bundle key. */
public class AssociationRefused extends Refusal {

    AssociationRefused(String field, String messageKey, Object... arguments) {
        this(Kind.INVALID, field, messageKey, arguments);
    }

    /** A clash with what exists (already a user, already invited): 409 in the API. */
    AssociationRefused(Kind kind, String field, String messageKey, Object... arguments) {
        super(kind, messageKey, field, arguments);
    }
}
