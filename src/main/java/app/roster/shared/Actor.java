package app.roster.shared;

import java.util.Set;

/**
 * Who acts, passed to every use case: a user in one account, a staff member, Roster itself (jobs), or an API
 * credential (a platform API key, a user's personal access token). Each use case decides from this alone whether
 * the action is allowed, so every channel (pages, Admin Area, API) gets the same answer. The audit trail records
 * the type, id and label each variant names.
 */
public sealed interface Actor {

    /** How the audit trail names the kind of actor. */
    enum Type { USER, STAFF, SYSTEM, ANONYMOUS, API_KEY, TOKEN }

    Type type();

    /** The id the audit trail records with the type (a user's, a staff member's); null for Roster itself. */
    Long actorId();

    /** How the audit trail names the actor (an email address); null when there is none. */
    String actorLabel();

    /**
     * A user acting in the account selected for them; their permissions there are read live by the use case.
     * The email is the audit trail's label (null when the caller has none at hand, as in tests).
     */
    record Member(long userId, long accountId, String email) implements Actor {

        public Member(long userId, long accountId) {
            this(userId, accountId, null);
        }

        @Override
        public Type type() {
            return Type.USER;
        }

        @Override
        public Long actorId() {
            return userId;
        }

        @Override
        public String actorLabel() {
            return email;
        }
    }

    /** A signed-in user acting for themselves, in no account: their own profile, accepting an invitation. */
    record User(long userId, String email) implements Actor {
        @Override
        public Type type() {
            return Type.USER;
        }

        @Override
        public Long actorId() {
            return userId;
        }

        @Override
        public String actorLabel() {
            return email;
        }
    }

    /**
     * A staff member from the Admin Area. Support reads and may send emails again; only an Administrator changes
     * anything. The name is what people affected are shown (an invitation's "invited by"), the email the audit
     * trail's label.
     */
    record Staff(long staffId, Role role, String name, String email) implements Actor {

        public enum Role { ADMINISTRATOR, SUPPORT }

        @Override
        public Type type() {
            return Type.STAFF;
        }

        public boolean administrator() {
            return role == Role.ADMINISTRATOR;
        }

        @Override
        public Long actorId() {
            return staffId;
        }

        @Override
        public String actorLabel() {
            return email;
        }
    }

    /**
     * A platform API key (the hosting company's own systems): treated like an Administrator by every use case;
     * the API also checks its scopes per route. The name is what the audit and people affected are shown.
     */
    record ApiKey(long keyId, String name, Set<String> scopes) implements Actor {

        public ApiKey {
            scopes = Set.copyOf(scopes);
        }

        @Override
        public Type type() {
            return Type.API_KEY;
        }

        @Override
        public Long actorId() {
            return keyId;
        }

        @Override
        public String actorLabel() {
            return name;
        }
    }

    /**
     * A user's personal access token for one account: treated like that user acting in that account, but with
     * their live permissions there capped to the token's own {@code permissions} (and owner only when the token
     * carries every permission). The label names the token and its user, "name (email)", for the audit.
     */
    record Token(long tokenId, String label, long userId, long accountId, Set<String> permissions) implements Actor {

        public Token {
            permissions = Set.copyOf(permissions);
        }

        @Override
        public Type type() {
            return Type.TOKEN;
        }

        @Override
        public Long actorId() {
            return tokenId;
        }

        @Override
        public String actorLabel() {
            return label;
        }
    }

    /** Roster itself: scheduled jobs and startup. */
    record System() implements Actor {
        @Override
        public Type type() {
            return Type.SYSTEM;
        }

        @Override
        public Long actorId() {
            return null;
        }

        @Override
        public String actorLabel() {
            return null;
        }
    }

    /**
     * The signed-in principal of a request, as the audit trail and the security log name it (the Client Area's
     * and the Admin Area's principals). Not an {@link Actor}: a user's principal knows no account.
     */
    interface Principal {

        Type actorType();

        long actorId();

        String actorLabel();
    }
}
