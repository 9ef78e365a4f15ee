package app.roster.shared;

/** An id that does not exist, or belongs to another account: both answer 404, the same way. */
public class NotFound extends RuntimeException {

    public NotFound() {
        super("Not found", null, false, false);
    }
}
