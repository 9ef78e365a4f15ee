package app.roster.oidc;

import app.roster.shared.Actor;
import app.roster.shared.StaffOnly;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator's "rotate now" (a key that may have leaked): a new key signs from now on; the previous one
 * stays published until the tokens it signed have expired, so nobody is signed out.
 */
@Service
public class RotateSigningKey {

    private final SigningKeys keys;
    private final ApplicationEventPublisher events;

    RotateSigningKey(SigningKeys keys, ApplicationEventPublisher events) {
        this.keys = keys;
        this.events = events;
    }

    @Transactional
    public String rotate(Actor actor) {
        StaffOnly.requireAdministrator(actor);
        String kid = keys.rotate();
        events.publishEvent(new OidcEvents.SigningKeyRotated(kid, actor));
        return kid;
    }
}
