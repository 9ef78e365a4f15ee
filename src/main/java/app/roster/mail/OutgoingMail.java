package app.roster.mail;

import java.util.Objects;

/** A rendered email, ready for the {@link Outbox}. */
public record OutgoingMail(String recipient, String subject, String textBody, String htmlBody) {

    public OutgoingMail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
    }
}
