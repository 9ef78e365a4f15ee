package app.roster.user;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs a person up. A taken address answers exactly like a new one (no enumeration): its owner is told
 * by email instead, and the same password hash is computed so both paths take the same time.
 */
@Service
public class RegisterUser {

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final EmailVerification verification;
    private final Links links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegisterUser(Users users, PasswordEncoder passwordEncoder, EmailVerification verification, Links links,
            ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.verification = verification;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The new user's id, or empty when the address was taken (the caller must not reveal which). Two sign-ups
     * with the same address at the same moment end the same way: the second finds it taken.
     */
    @Transactional
    public Optional<Long> register(Registration registration) {
        String hash = passwordEncoder.encode(registration.password());
        Optional<User> existing = users.findByEmail(registration.email());
        if (existing.isPresent()) {
            return taken(existing.get());
        }
        Instant now = clock.instant();
        Optional<Long> inserted = users.insert(registration.email(), hash, registration.firstName(),
                registration.lastName(), registration.language(), now);
        if (inserted.isEmpty()) {
            return taken(users.findByEmail(registration.email()).orElseThrow());
        }
        long id = inserted.get();
        events.publishEvent(new UserRegistered(id, registration.email().value(), registration.firstName(),
                registration.lastName(), registration.language().locale(), registration.opensAccount(),
                registration.companyName()));
        verification.send(id);
        return Optional.of(id);
    }

    private Optional<Long> taken(User owner) {
        events.publishEvent(new RegistrationAttemptedForExistingEmail(owner.id(), owner.email().value(),
                owner.firstName(), owner.language().locale(), links.to("/login"), links.to("/password/forgot")));
        return Optional.empty();
    }
}
