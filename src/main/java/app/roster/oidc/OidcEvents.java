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
}
