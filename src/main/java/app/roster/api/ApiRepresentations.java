package app.roster.api;

import java.util.Optional;

/**
 * The REST API's representation of each resource, as its GET answers it, for the webhook payloads' {@code data}:
 * a receiver parses both with the same code. Each module's API package answers for its own resource. Read by
 * Roster itself inside the change's transaction, so it sees the change; empty once the resource is gone.
 */
public final class ApiRepresentations {

    private ApiRepresentations() {
    }

    public interface OfUser {
        Optional<Object> user(long userId);
    }

    public interface OfAccount {
        Optional<Object> account(long accountId);
    }

    public interface OfMember {
        Optional<Object> member(long accountId, long userId);
    }

    public interface OfInvitation {
        Optional<Object> invitation(long accountId, long invitationId);
    }

    public interface OfContact {
        Optional<Object> contact(long accountId, long contactId);
    }
}
