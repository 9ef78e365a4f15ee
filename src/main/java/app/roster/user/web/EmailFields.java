package app.roster.user.web;

import app.roster.shared.EmailAddress;
import app.roster.shared.InvalidEmailAddressException;
import java.util.Optional;
import org.springframework.validation.BindingResult;

/** Turns a typed address into an {@link EmailAddress}, or a field error next to it. */
final class EmailFields {

    private EmailFields() {
    }

    static Optional<EmailAddress> parse(String raw, String field, BindingResult errors) {
        if (errors.hasFieldErrors(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(EmailAddress.of(raw));
        } catch (InvalidEmailAddressException e) {
            errors.rejectValue(field, e.messageKey());
            return Optional.empty();
        }
    }
}
