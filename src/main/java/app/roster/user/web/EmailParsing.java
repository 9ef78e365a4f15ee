package app.roster.user.web;

import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import java.util.Optional;

/** A typed address in canonical form, or empty when it is not an address. */
final class EmailParsing {

    private EmailParsing() {
    }

    static Optional<EmailAddress> parse(String raw) {
        try {
            return Optional.of(EmailAddress.of(raw));
        } catch (InvalidEmailAddressException e) {
            return Optional.empty();
        }
    }
}
