package app.roster.staff;

import app.roster.shared.Refusal;

/** A staff change the rules refuse: shown next to {@code field} (or, when null, on the page). */
public class StaffRefused extends Refusal {

    StaffRefused(String field, String messageKey) {
        super(Kind.INVALID, messageKey, field);
    }
}
