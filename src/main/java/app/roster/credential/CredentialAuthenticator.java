package app.roster.credential;

import app.roster.api.ApiCaller;
import app.roster.api.ApiCredentials;
import app.roster.api.Scope;
import app.roster.membership.AccountAccess;
import app.roster.membership.Membership;
import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import app.roster.user.User;
import app.roster.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Answers the API's security chain for every request: the credential's row by its key id (held a few seconds,
 * {@link CredentialCache}), the secret compared in constant time, then the credential's standing. A personal
 * token is also checked against its user (disabled: dead) and their live membership (gone: dead), both read on
 * every call, so a change takes effect on the very next call. The last use is written at most once a minute per
 * credential, not on every request.
 */
@Component
class CredentialAuthenticator implements ApiCredentials {

    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final PersonalTokens tokens;
    private final Users users;
    private final AccountAccess access;
    private final CredentialCache cache;
    private final Clock clock;

    CredentialAuthenticator(ApiKeys keys, PersonalTokens tokens, Users users, AccountAccess access,
            CredentialCache cache, Clock clock) {
        this.keys = keys;
        this.cache = cache;
        this.tokens = tokens;
        this.users = users;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Optional<ApiCaller> authenticate(String bearer, String clientIp) {
        return Credential.parse(bearer).flatMap(credential -> switch (credential.kind()) {
            case API_KEY -> apiKey(credential, clientIp);
            case TOKEN -> token(credential, clientIp);
        });
    }

    private Optional<ApiCaller> apiKey(Credential credential, String clientIp) {
        Instant now = clock.instant();
        Optional<CredentialCache.Entry<ApiKeys.Stored>> stored = cache.get(credential, keys::findByKeyId,
                        found -> found.key().lastUsedAt())
                .filter(found -> credential.matches(found.stored().secretHash()));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = stored.get().stored().key();
        if (key.status(now) != CredentialStatus.ACTIVE || !key.allowedSources().allows(clientIp)) {
            return Optional.empty();
        }
        if (stored.get().claimLastUse(now, now.minus(LAST_USE_PRECISION))) {
            keys.recordUse(key.id(), clientIp, now, now.minus(LAST_USE_PRECISION));
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        key.scopes().forEach(scope -> Scope.of(scope).ifPresent(scopes::add));
        return Optional.of(new ApiCaller(new Actor.ApiKey(key.id(), key.name(), key.scopes()), scopes, key.name()));
    }

    private Optional<ApiCaller> token(Credential credential, String clientIp) {
        Instant now = clock.instant();
        Optional<CredentialCache.Entry<PersonalTokens.Stored>> stored = cache.get(credential, tokens::findByKeyId,
                        found -> found.token().lastUsedAt())
                .filter(found -> credential.matches(found.stored().secretHash()));
        if (stored.isEmpty() || stored.get().stored().token().status(now) != CredentialStatus.ACTIVE) {
            return Optional.empty();
        }
        PersonalToken token = stored.get().stored().token();
        Optional<User> user = users.findById(token.userId()).filter(found -> !found.disabled());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String label = token.name() + " (" + user.get().email().value() + ")";
        Actor.Token actor = new Actor.Token(token.id(), label, token.userId(), token.accountId(), token.permissions());
        Membership effective;
        try {
            effective = access.membershipOf(actor, token.accountId());
        } catch (Refusal noLongerAMember) {
            return Optional.empty();
        }
        if (stored.get().claimLastUse(now, now.minus(LAST_USE_PRECISION))) {
            tokens.recordUse(token.id(), clientIp, now, now.minus(LAST_USE_PRECISION));
        }
        return Optional.of(new ApiCaller(actor, TokenScopes.of(effective.permissions()), label));
    }
}
