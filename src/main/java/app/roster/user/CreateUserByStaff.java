package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.OneTimeToken;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator creates a user by email ("Associate User" → Create new user, or a new client's owner). Staff never choose a password: the
 * user starts with the hash of a random secret nobody knows and is emailed a link to set their own, on the
 * reset page (same token purpose), valid longer than a reset link because nobody asked for it.
 */
@Service
public class CreateUserByStaff {

    /** The address already belongs to a user: staff pick that user instead (the API answers 409). */
    public static class EmailTaken extends Refusal {
        public EmailTaken() {
            super(Kind.CONFLICT, "email.taken", "email");
        }
    }

    private final Users users;
    private final UserTokens tokens;
    private final PasswordEncoder passwordEncoder;
    private final Links links;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration validity;

    CreateUserByStaff(Users users, UserTokens tokens, PasswordEncoder passwordEncoder, Links links,
            ApplicationEventPublisher events, Clock clock,
            @Value("${roster.tokens.set-password-validity:72h}") Duration validity) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.links = links;
        this.events = events;
        this.clock = clock;
        this.validity = validity;
    }

    /** The new user's id; {@link EmailTaken} when the address is a user already. */
    @Transactional
    public long create(Actor actor, EmailAddress email, String firstName, String lastName, Language language) {
        StaffOnly.requireAdministrator(actor);
        if (users.findByEmail(email).isPresent()) {
            throw new EmailTaken();
        }
        Instant now = clock.instant();
        String unusable = passwordEncoder.encode(OneTimeToken.generate().value());
        long id = users.insert(email, unusable, firstName, lastName, language, now).orElseThrow(EmailTaken::new);
        events.publishEvent(new UserCreatedByStaff(id, email.value(), actor));
        OneTimeToken token = tokens.issue(id, UserTokens.Purpose.RESET_PASSWORD, email.value(), now,
                now.plus(validity));
        events.publishEvent(new SetPasswordRequested(id, email.value(), firstName, language.locale(),
                links.withToken("/password/reset", token.value()), now.plus(validity)));
        return id;
    }
}
