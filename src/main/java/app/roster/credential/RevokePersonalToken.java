package app.roster.credential;

import app.roster.membership.AccountAccess;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes a personal access token: its user (from any of their accounts), the owner of the token's account, an
 * Administrator or a platform API key. Anyone else gets {@link NotFound}, like a token that does not exist.
 */
@Service
public class RevokePersonalToken {

    private final PersonalTokens tokens;
    private final AccountAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RevokePersonalToken(PersonalTokens tokens, AccountAccess access, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void revoke(Actor actor, long tokenId) {
        PersonalToken token = tokens.find(tokenId).orElseThrow(NotFound::new);
        String by = switch (actor) {
            case Actor.Member member -> byUser(member.userId(), member.accountId(), actor, token);
            case Actor.Token acting -> byUser(acting.userId(), acting.accountId(), actor, token);
            case Actor.Staff _, Actor.ApiKey _ -> {
                AccountAccess.requireAdministrator(actor);
                yield "staff";
            }
            case Actor.User _, Actor.System _ -> throw new NotFound();
        };
        if (tokens.revoke(tokenId, clock.instant())) {
            events.publishEvent(new CredentialEvents.TokenRevoked(tokenId, token.userId(), token.accountId(),
                    token.name(), by, actor));
        }
    }

    /** Their own token, or, as the owner of the account they act in, any token of that account. */
    private String byUser(long userId, long accountId, Actor actor, PersonalToken token) {
        if (token.userId() == userId) {
            return "user";
        }
        if (token.accountId() == accountId && access.membershipOf(actor, accountId).owner()) {
            return "owner";
        }
        throw new NotFound();
    }
}
