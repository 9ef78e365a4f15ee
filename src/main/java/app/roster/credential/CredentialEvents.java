package app.roster.credential;

import app.roster.shared.AuditedEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What happens to API credentials: audited (never with a secret in it). */
public final class CredentialEvents {

    private CredentialEvents() {
    }

    /** An Administrator created a platform API key. */
    public record ApiKeyCreated(long id, String name, Set<String> scopes, Instant expiresAt, SourceAddresses sources)
            implements AuditedEvent {
        @Override
        public String action() {
            return "credential.api_key_created";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("key", String.valueOf(id));
            details.put("name", name);
            details.put("scopes", String.join(",", scopes));
            details.put("expires", expiresAt == null ? "never" : expiresAt.toString());
            details.put("sources", sources.any() ? "any" : sources.text());
            return details;
        }
    }

    /** An Administrator revoked a platform API key. */
    public record ApiKeyRevoked(long id, String name) implements AuditedEvent {
        @Override
        public String action() {
            return "credential.api_key_revoked";
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("key", String.valueOf(id));
            details.put("name", name);
            return details;
        }
    }

    /** A user created a personal access token for one of their accounts. */
    public record TokenCreated(long id, long userId, long accountId, String name, Set<String> permissions,
            Instant expiresAt) implements AuditedEvent {
        @Override
        public String action() {
            return "credential.token_created";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("token", String.valueOf(id));
            details.put("name", name);
            details.put("permissions", String.join(",", permissions));
            details.put("expires", expiresAt == null ? "never" : expiresAt.toString());
            return details;
        }
    }

    /** A personal access token was revoked: by its user, the account's owner, or staff ({@code by}). */
    public record TokenRevoked(long id, long userId, long accountId, String name, String by) implements AuditedEvent {
        @Override
        public String action() {
            return "credential.token_revoked";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public Map<String, String> details() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("token", String.valueOf(id));
            details.put("name", name);
            details.put("by", by);
            return details;
        }
    }
}
