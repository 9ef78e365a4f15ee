package app.roster.membership.web;

/** What the account chooser shows: its entries, and the one message above them. */
final class Chooser {

    private Chooser() {
    }

    /** One account on the chooser; the last used one comes first and is marked. */
    public record Choice(long accountId, String accountName, boolean owner, boolean lastUsed) {
    }

    /**
     * The one message above the chooser: what just happened (left, lost access) folded together with what is
     * left (other accounts or none), so a notice and the empty state never contradict each other.
     */
    public record Message(String key, Object name, String style) {

        static Message of(Object notice, Object name, boolean gone, int total) {
            boolean none = total == 0;
            if ("leave.done".equals(notice)) {
                return new Message(none ? "chooser.leftNone" : "leave.done", name, "success");
            }
            if (gone) {
                return new Message(none ? "chooser.accountGoneNone" : "chooser.accountGone", null, "warning");
            }
            return none ? new Message("chooser.empty", null, "info") : null;
        }
    }
}
