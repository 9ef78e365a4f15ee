package app.roster.audit;

import app.roster.shared.Actor;
import java.time.Instant;

/**
 * What an API client looks for in the trail; every part is optional (null = any).
 *
 * @param accountId the account the entry concerns
 * @param actorType USER, STAFF, SYSTEM or ANONYMOUS; with {@code actorId}, one actor
 * @param actorId   the actor's id
 * @param userId    the user the entry concerns
 * @param action    the exact action, e.g. {@code invitation.sent}
 * @param from      the first instant, inclusive
 * @param to        the end, exclusive
 */
public record AuditQuery(Long accountId, Actor.Type actorType, Long actorId, Long userId, String action,
        Instant from, Instant to) {

    public static final AuditQuery EVERYTHING = new AuditQuery(null, null, null, null, null, null, null);

    /** The same filter, within one account whatever it said before: the tenant wall of an account's credential. */
    public AuditQuery inAccount(long account) {
        return new AuditQuery(account, actorType, actorId, userId, action, from, to);
    }
}
