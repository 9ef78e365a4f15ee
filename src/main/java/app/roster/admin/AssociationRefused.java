package app.roster.admin;

import app.roster.shared.Refusal;

/** "Associate User" or "Add New Client" refused: the field it belongs next to and the admin bundle key. */
public class AssociationRefused extends Refusal {

    AssociationRefused(String field, String messageKey, Object... arguments) {
        super(Kind.INVALID, messageKey, field, arguments);
    }
}
