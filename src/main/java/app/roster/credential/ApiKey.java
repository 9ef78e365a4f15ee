package app.roster.credential;

import java.time.Instant;
import java.util.Set;

/** A platform API key as the Admin Area lists it; its secret is not here (only its hash is stored). */
public record ApiKey(long id, String keyId, String name, Set<String> scopes, SourceAddresses allowedSources,
        Instant expiresAt, Instant createdAt, String createdBy, Instant revokedAt, Instant lastUsedAt,
        String lastUsedIp) {

    public CredentialStatus status(Instant now) {
        return CredentialStatus.of(revokedAt, expiresAt, now);
    }

    /** The start of the credential as its holder sees it, enough to recognise it: {@code roster_pk_1a2b…}. */
    public String hint() {
        return Credential.Kind.API_KEY.prefix() + keyId;
    }
}
