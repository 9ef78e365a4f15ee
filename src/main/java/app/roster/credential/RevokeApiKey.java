package app.roster.credential;

import app.roster.membership.AccountAccess;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An Administrator revokes a platform API key: its next call answers 401. Revoking twice changes nothing. */
@Service
public class RevokeApiKey {

    private final ApiKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RevokeApiKey(ApiKeys keys, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void revoke(Actor actor, long id) {
        if (!(actor instanceof Actor.Staff staff)) {
            throw Refusal.forbidden("error.403.administratorsOnly");
        }
        AccountAccess.requireAdministrator(staff);
        ApiKey key = keys.find(id).orElseThrow(NotFound::new);
        if (keys.revoke(id, staff.staffId(), clock.instant())) {
            events.publishEvent(new CredentialEvents.ApiKeyRevoked(id, key.name(), actor));
        }
    }
}
