package app.roster.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered email, ready for the {@link Outbox}, with any extra headers it must carry (such as
 * {@code List-Unsubscribe}). Header names and values are single-line: a line break would let a value
 * inject headers of its own.
 */
public record OutgoingMail(String recipient, String subject, String textBody, String htmlBody,
        Map<String, String> headers) {

    public OutgoingMail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(htmlBody, "htmlBody");
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]+") || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("Not a single-line header: " + name);
            }
        });
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public OutgoingMail(String recipient, String subject, String textBody, String htmlBody) {
        this(recipient, subject, textBody, htmlBody, Map.of());
    }

    public OutgoingMail withHeaders(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new OutgoingMail(recipient, subject, textBody, htmlBody, all);
    }
}
