package app.roster.audit;

import java.time.LocalDate;

/**
 * What staff look for in the trail; every part is optional (null = any).
 *
 * @param accountId    the account the entry concerns
 * @param actorType    USER, STAFF, SYSTEM or ANONYMOUS
 * @param actorId      the actor's id
 * @param actorLabel   the start of the actor's label (an email address), case-insensitive
 * @param action       the exact action
 * @param actionPrefix the start of the action, e.g. {@code admin.}
 * @param from         the first day, in UTC, inclusive
 * @param to           the last day, in UTC, inclusive
 */
public record AuditFilter(Long accountId, String actorType, Long actorId, String actorLabel, String action,
        String actionPrefix, LocalDate from, LocalDate to) {

    public static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null, null, null, null, null);

    public static AuditFilter ofAccount(long accountId) {
        return new AuditFilter(accountId, null, null, null, null, null, null, null);
    }
}
