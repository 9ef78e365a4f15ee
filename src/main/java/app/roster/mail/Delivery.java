package app.roster.mail;

/** Where a claimed message goes: an SMTP server, or the dev mailbox when none is configured. */
interface Delivery {

    /**
     * Throws when the message was not accepted; the dispatcher then retries it later. Throws
     * {@link ServerUnavailable} when no message could have gone, so the dispatcher stops its round.
     */
    void deliver(OutboxMessage message);

    /**
     * One round's connection to the mail server, for several messages in a row. By default each message is
     * delivered on its own.
     */
    default Connection open() {
        return new Connection() {
            @Override
            public void deliver(OutboxMessage message) {
                Delivery.this.deliver(message);
            }

            @Override
            public void close() {
                // nothing held open
            }
        };
    }

    /** Delivers like {@link Delivery#deliver}, reusing what it can between messages. */
    interface Connection extends AutoCloseable {

        void deliver(OutboxMessage message);

        /** Connects now rather than on the first message; {@link ServerUnavailable} when the server is still down. */
        default void connect() {
        }

        /** Never throws: the messages delivered are delivered, whatever happens when hanging up. */
        @Override
        void close();
    }

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
