package app.roster.idempotency;

/** The first answer to a request, as a retry gets it: status, the headers that matter, and the body. */
record StoredAnswer(int status, String contentType, String location, String etag, byte[] body) {

    StoredAnswer withBody(byte[] other) {
        return new StoredAnswer(status, contentType, location, etag, other);
    }
}
