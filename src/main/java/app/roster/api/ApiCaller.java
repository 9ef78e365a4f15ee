package app.roster.api;

import app.roster.shared.Actor;
import java.util.Set;

/**
 * The party behind an API request's bearer credential: the actor the use cases take, the scopes it may call,
 * and the name the audit trail and the security log give it ("api_key:3", "token:12").
 *
 * @param actor  an {@link Actor.ApiKey} or an {@link Actor.Token}
 * @param scopes what it may call, already narrowed to the token's effective permissions for a personal token
 * @param label  the key's name, or "token name (user email)"
 */
public record ApiCaller(Actor actor, Set<Scope> scopes, String label) implements Actor.Principal {

    public ApiCaller {
        if (!(actor instanceof Actor.ApiKey || actor instanceof Actor.Token)) {
            throw new IllegalArgumentException("An API caller is an API key or a personal token");
        }
        scopes = Set.copyOf(scopes);
        // The audit trail keeps at most 254 characters of a label.
        label = label.length() > 254 ? label.substring(0, 254) : label;
    }

    public boolean may(Scope scope) {
        return scopes.contains(scope);
    }

    /** The rate limit's bucket: one per credential, shared by every node. */
    public String bucket() {
        return "api:" + actorType().name().toLowerCase(java.util.Locale.ROOT) + ":" + actorId();
    }

    @Override
    public Actor.Type actorType() {
        return actor.type();
    }

    @Override
    public long actorId() {
        return switch (actor) {
            case Actor.ApiKey key -> key.keyId();
            case Actor.Token token -> token.tokenId();
            default -> throw new IllegalStateException();
        };
    }

    @Override
    public String actorLabel() {
        return label;
    }

    @Override
    public String toString() {
        return "ApiCaller[" + actorType() + ":" + actorId() + "]";
    }
}
