package app.roster.idempotency;

/** What a request finds under its principal and key. */
sealed interface Claim {

    /** The key is this request's now: it runs, and its answer is kept under {@code token}. */
    record Taken(String token) implements Claim {
    }

    /** The same request ran before: its answer is given again. */
    record Answered(StoredAnswer answer) implements Claim {
    }

    /** The key was used for another request (another method, path or body). */
    record OtherRequest() implements Claim {
    }

    /** The first request with the key has not finished. */
    record Running() implements Claim {
    }
}
