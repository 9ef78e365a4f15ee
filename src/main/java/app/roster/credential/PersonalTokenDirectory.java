package app.roster.credential;

import app.roster.membership.AccountAccess;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who sees which personal access tokens: a user their own (every account), the owner of an account all of that
 * account's, staff (Support too: it is a read) anyone's. Never a secret: only the key id is shown.
 */
@Component
public class PersonalTokenDirectory {

    private final PersonalTokens tokens;
    private final AccountAccess access;

    PersonalTokenDirectory(PersonalTokens tokens, AccountAccess access) {
        this.tokens = tokens;
        this.access = access;
    }

    public List<PersonalToken> ofUser(Actor actor, long userId) {
        boolean self = actor instanceof Actor.Member member && member.userId() == userId;
        if (!self && !(actor instanceof Actor.Staff || actor instanceof Actor.ApiKey)) {
            throw Refusal.forbidden("error.403.body");
        }
        return tokens.ofUser(userId);
    }

    /** One token, if the actor may see it (see {@link RevokePersonalToken} for who may revoke it); else 404. */
    public PersonalToken find(Actor actor, long tokenId) {
        PersonalToken token = tokens.find(tokenId).orElseThrow(NotFound::new);
        boolean visible = switch (actor) {
            case Actor.Member member -> token.userId() == member.userId() || (token.accountId() == member.accountId()
                    && access.membershipOf(member, member.accountId()).owner());
            case Actor.Staff _, Actor.ApiKey _ -> true;
            case Actor.User _, Actor.Token _, Actor.System _ -> false;
        };
        if (!visible) {
            throw new NotFound();
        }
        return token;
    }

    /** One of the account's tokens, for its owner (and staff); another account's token id answers 404. */
    public PersonalToken findInAccount(Actor actor, long accountId, long tokenId) {
        if (!(actor instanceof Actor.Staff || actor instanceof Actor.ApiKey)) {
            access.requireOwner(actor, accountId);
        }
        return tokens.find(tokenId).filter(token -> token.accountId() == accountId).orElseThrow(NotFound::new);
    }

    /** The account's tokens, for its owner (and staff); anyone else of the account is refused 403. */
    public List<PersonalToken> ofAccount(Actor actor, long accountId) {
        if (!(actor instanceof Actor.Staff || actor instanceof Actor.ApiKey)) {
            access.requireOwner(actor, accountId);
        }
        return tokens.ofAccount(accountId);
    }
}
