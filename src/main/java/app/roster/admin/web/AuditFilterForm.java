package app.roster.admin.web;

import app.roster.audit.AuditFilter;
import app.roster.shared.Actor;
import app.roster.shared.SearchTerm;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;

/**
 * The audit trail's filter as typed. {@link #toFilter} reads it, putting a message key for each field it
 * cannot read into {@code errors}, so the page shows the problem next to the field instead of failing.
 */
record AuditFilterForm(String account, String actorType, String actor, String action, String actionPrefix,
        String from, String to) {

    private static final int MAX_TEXT = 254;
    /** Beyond these a database may refuse the timestamp; nothing in the trail is outside them anyway. */
    private static final int MIN_YEAR = 1970;
    private static final int MAX_YEAR = 9999;

    static AuditFilterForm empty() {
        return new AuditFilterForm(null, null, null, null, null, null, null);
    }

    AuditFilter toFilter(Map<String, String> errors) {
        Long accountId = id(account, "account", errors);
        String type = blank(actorType) ? null : actorType.strip();
        if (type != null && Arrays.stream(Actor.Type.values()).noneMatch(t -> t.name().equals(type))) {
            errors.put("actorType", "admin.audit.error.actorType");
        }
        String actorText = text(actor, "actor", errors);
        Long actorId = actorText != null && actorText.chars().allMatch(Character::isDigit) ? id(actorText, "actor", errors)
                : null;
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "admin.audit.error.range");
        }
        return new AuditFilter(accountId, type, actorId, actorId == null ? actorText : null,
                text(action, "action", errors), text(actionPrefix, "actionPrefix", errors), fromDate, toDate);
    }

    private static Long id(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, "admin.audit.error.id");
        return null;
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.put(field, "admin.audit.error.date");
        return null;
    }

    /** A control or invisible character is named next to its field: it matches nothing, and the export would record it. */
    private static String text(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        if (!SearchTerm.of(value).searchable()) {
            errors.put(field, "admin.audit.error.characters");
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > MAX_TEXT ? stripped.substring(0, MAX_TEXT) : stripped;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
