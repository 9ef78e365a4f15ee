package app.roster.credential;

import java.time.Instant;
import java.util.Set;

/** A personal access token as its user, the account's owner and staff see it; the secret is not here. */
public record PersonalToken(long id, String keyId, String name, long userId, long accountId, Set<String> permissions,
        Instant expiresAt, Instant createdAt, Instant revokedAt, Instant lastUsedAt, String lastUsedIp) {

    public CredentialStatus status(Instant now) {
        return CredentialStatus.of(revokedAt, expiresAt, now);
    }

    /** The start of the credential as its holder sees it, enough to recognise it: {@code roster_pat_1a2b…}. */
    public String hint() {
        return Credential.Kind.TOKEN.prefix() + keyId;
    }
}
