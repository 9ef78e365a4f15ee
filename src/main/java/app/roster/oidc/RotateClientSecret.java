package app.roster.oidc;

import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator gives a confidential client a new secret, answered once; the previous one keeps working for
 * {@link OidcSettings#secretGrace()}, so the application can be redeployed with the new one without an outage.
 * Rotating again ends the grace of the secret before. Only an Administrator in person: a platform API key,
 * which may register and change clients, could otherwise take over an existing client's name and consent
 * silently, with its old secret still working for the grace period.
 */
@Service
public class RotateClientSecret {

    private final RegisteredClientRepository clients;
    private final OidcSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RotateClientSecret(RegisteredClientRepository clients, OidcSettings settings, ApplicationEventPublisher events,
            Clock clock) {
        this.clients = clients;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The client with its new secret, shown once. */
    public record Rotated(OidcClient client, String secret) {
        @Override
        public String toString() {
            return "Rotated[" + client.clientId() + ", secret redacted]";
        }
    }

    @Transactional
    public Rotated rotate(Actor actor, String id) {
        StaffOnly.requireStaffAdministrator(actor);
        RegisteredClient existing = id == null ? null : clients.findById(id);
        if (existing == null) {
            throw new NotFound();
        }
        if (!OidcClient.of(existing).confidential()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "oidc.error.publicHasNoSecret", null);
        }
        String secret = ClientSecrets.generate();
        Instant graceEnd = clock.instant().plus(settings.secretGrace());
        RegisteredClient rotated = RegisteredClient.from(existing)
                .clientSecret(ClientSecrets.rotated(secret, existing.getClientSecret(), graceEnd)).build();
        clients.save(rotated);
        OidcClient client = OidcClient.of(rotated);
        events.publishEvent(new OidcEvents.ClientSecretRotated(client, graceEnd, actor));
        return new Rotated(client, secret);
    }
}
