package app.roster.shared;

/**
 * A change made from a form whose data someone else changed since the form was shown (its version is stale).
 * Nothing was changed; the person reloads the page to see the other change and decides again.
 */
public class ChangedMeanwhile extends Refusal {

    public ChangedMeanwhile() {
        super(Kind.CONFLICT, "error.409.body", null);
    }
}
