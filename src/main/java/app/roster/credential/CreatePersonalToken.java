package app.roster.credential;

import app.roster.membership.AccountAccess;
import app.roster.membership.Membership;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user creates a personal access token for the account they act in, with permissions they hold there (no
 * escalation: asking for one more is refused, not trimmed). The secret is answered once.
 */
@Service
public class CreatePersonalToken {

    private final PersonalTokens tokens;
    private final AccountAccess access;
    private final PermissionCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreatePersonalToken(PersonalTokens tokens, AccountAccess access, PermissionCatalogue catalogue,
            ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.access = access;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    /** Only a signed-in user (not a token: a token cannot mint tokens), in the account they act in. */
    @Transactional
    public IssuedSecret create(Actor actor, long accountId, String name, Set<String> permissions, Instant expiresAt) {
        if (!(actor instanceof Actor.Member member)) {
            throw Refusal.forbidden("error.403.body");
        }
        Membership membership = access.membershipOf(member, accountId);
        String cleanName = requireName(name);
        Set<String> known;
        try {
            known = catalogue.requireKnown(permissions);
        } catch (PermissionCatalogue.UnknownPermission unknown) {
            throw new CredentialRefused("permissions", "credential.error.permissions");
        }
        if (!membership.permissions().containsAll(known)) {
            throw new CredentialRefused("permissions", "credential.error.notHeld");
        }
        Instant now = clock.instant();
        requireFuture(expiresAt, now);
        if (tokens.countActive(member.userId(), now) >= PersonalTokens.MAX_ACTIVE_PER_USER) {
            throw new CredentialRefused("name", "credential.error.tooMany", PersonalTokens.MAX_ACTIVE_PER_USER);
        }
        Credential credential = Credential.generate(Credential.Kind.TOKEN);
        long id = tokens.insert(credential, cleanName, member.userId(), accountId, known, expiresAt, now);
        events.publishEvent(new CredentialEvents.TokenCreated(id, member.userId(), accountId, cleanName, known,
                expiresAt, actor));
        return new IssuedSecret(id, credential.text());
    }

    static String requireName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > CreateApiKey.MAX_NAME
                || clean.codePoints().anyMatch(cp -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT)) {
            throw new CredentialRefused("name", "credential.error.name", CreateApiKey.MAX_NAME);
        }
        return clean;
    }

    static void requireFuture(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new CredentialRefused("expiresAt", "credential.error.expiry");
        }
    }
}
