package app.roster.shared;

/** An id that does not exist, or belongs to another account: both answer 404, the same way. */
public class NotFound extends Refusal {

    public NotFound() {
        super(Kind.NOT_FOUND, "error.404.body", null);
    }
}
