package app.roster.credential;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import java.time.Instant;
import java.util.Set;

/** What happens to API credentials: audited (never with a secret in it). */
public final class CredentialEvents {

    private CredentialEvents() {
    }

    /** An Administrator created a platform API key. */
    public record ApiKeyCreated(long id, String name, Set<String> scopes, Instant expiresAt, SourceAddresses sources,
            Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("credential.api_key_created", "key", id, "name", name, "scopes", String.join(",", scopes),
                    "expires", expires(expiresAt), "sources", sources.any() ? "any" : sources.text()).by(actor);
        }
    }

    /** An Administrator revoked a platform API key. */
    public record ApiKeyRevoked(long id, String name, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("credential.api_key_revoked", "key", id, "name", name).by(actor);
        }
    }

    /** A user created a personal access token for one of their accounts. */
    public record TokenCreated(long id, long userId, long accountId, String name, Set<String> permissions,
            Instant expiresAt, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("credential.token_created", accountId, userId, "token", id, "name", name,
                    "permissions", String.join(",", permissions), "expires", expires(expiresAt)).by(actor);
        }
    }

    /** A personal access token was revoked: by its user, the account's owner, or staff ({@code by}). */
    public record TokenRevoked(long id, long userId, long accountId, String name, String by, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("credential.token_revoked", accountId, userId, "token", id, "name", name, "by", by)
                    .by(actor);
        }
    }

    private static String expires(Instant expiresAt) {
        return expiresAt == null ? "never" : expiresAt.toString();
    }
}
