package app.roster.invitation;

/** How an acceptance ended. Refusals are results, not exceptions, so their audit row commits. */
public record Acceptance(Outcome outcome, long accountId, boolean active) {

    public enum Outcome { ACCEPTED, ALREADY_MEMBER, INVALID, EXPIRED, CLOSED, DOMAIN_NOT_ALLOWED }

    public boolean joined() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.ALREADY_MEMBER;
    }
}
