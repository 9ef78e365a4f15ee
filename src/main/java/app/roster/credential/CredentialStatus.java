package app.roster.credential;

import java.time.Instant;

/** Whether a credential still opens the API. */
public enum CredentialStatus {
    ACTIVE, EXPIRED, REVOKED;

    static CredentialStatus of(Instant revokedAt, Instant expiresAt, Instant now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? EXPIRED : ACTIVE;
    }
}
