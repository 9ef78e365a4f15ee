package app.roster.mail;

/** Where a claimed message goes: an SMTP server, or the dev mailbox when none is configured. */
interface Delivery {

    /**
     * Throws when the message was not accepted; the dispatcher then retries it later. Throws
     * {@link ServerUnavailable} when no message could have gone, so the dispatcher stops its round.
     */
    void deliver(OutboxMessage message);

    /**
     * The mail server could not be reached or refused the login. Telling this apart from a refused message
     * keeps an outage from costing every queued message an attempt: only the one that found out is counted.
     */
    final class ServerUnavailable extends RuntimeException {

        ServerUnavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
