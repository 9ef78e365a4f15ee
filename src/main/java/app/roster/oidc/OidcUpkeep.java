package app.roster.oidc;

import app.roster.shared.Actor;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: a new signing key when the current one is older than {@link OidcSettings#keyRotation()} (audited
 * as Roster's own act), and the authorizations and spent refresh tokens whose every token has expired are
 * forgotten. Of two nodes running it at once, one rotates ({@link SigningKeys#rotateWhenDue()}); the deletes
 * harm nothing twice.
 */
@Component
class OidcUpkeep {

    private final SigningKeys keys;
    private final HashedAuthorizations authorizations;
    private final Grants grants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OidcUpkeep(SigningKeys keys, OAuth2AuthorizationService authorizations, Grants grants,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.keys = keys;
        this.authorizations = (HashedAuthorizations) authorizations;
        this.grants = grants;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT2M")
    void run() {
        // The audit row commits with the rotation.
        transactions.executeWithoutResult(status -> keys.rotateWhenDue()
                .ifPresent(kid -> events.publishEvent(new OidcEvents.SigningKeyRotated(kid, new Actor.System()))));
        authorizations.forgetExpired();
        grants.forgetExpired(clock.instant());
    }
}
