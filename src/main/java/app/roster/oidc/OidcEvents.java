package app.roster.oidc;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;

/** What happens to OpenID Connect clients and keys: audited, never with a secret in it. */
public final class OidcEvents {

    private OidcEvents() {
    }

    /** An Administrator registered a client. */
    public record ClientRegistered(OidcClient client, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("oidc.client_registered", "client", client.clientId(), "name", client.name(),
                    "type", client.confidential() ? "confidential" : "public",
                    "firstParty", String.valueOf(client.firstParty()),
                    "redirectUris", String.join(" ", client.redirectUris()),
                    "scopes", String.join(" ", client.scopes())).by(actor);
        }
    }

    /** A new signing key took over, on schedule or by an Administrator's "rotate now". */
    public record SigningKeyRotated(String kid, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("oidc.signing_key_rotated", "kid", kid).by(actor);
        }
    }

    /**
     * A back-channel logout was given up after its last attempt: the client may still hold a session of the user.
     * The error is the last one (a status or the transport's message), never the token.
     */
    public record BackChannelLogoutFailed(String clientId, long userId, int attempts, String error)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofUser("oidc.backchannel_logout_failed", userId, "client", clientId,
                    "attempts", String.valueOf(attempts), "error", error).by(new Actor.System());
        }
    }

    /** An Administrator changed a client: what changed, with the new values. */
    public record ClientUpdated(OidcClient client, java.util.Map<String, String> changes, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("oidc.client_updated", "client", client.clientId(), "name", client.name()).with(changes)
                    .by(actor);
        }
    }

    /** A client got a new secret; the previous one works until {@code previousUntil}. */
    public record ClientSecretRotated(OidcClient client, java.time.Instant previousUntil, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("oidc.client_secret_rotated", "client", client.clientId(), "name", client.name(),
                    "previousUntil", previousUntil.toString()).by(actor);
        }
    }

    /** A client was deleted with every grant of it: its tokens no longer refresh or introspect. */
    public record ClientDeleted(String clientId, String name, int grantsEnded, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.of("oidc.client_deleted", "client", clientId, "name", name, "grantsEnded",
                    String.valueOf(grantsEnded)).by(actor);
        }
    }

    /** A user revoked what they had granted an application: its tokens for them no longer work. */
    public record GrantRevoked(long userId, String clientId, String name, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofUser("oidc.grant_revoked", userId, "client", clientId, "name", name).by(actor);
        }
    }
}
