package app.roster.shared;

/**
 * Who acts, passed to every use case: a user in one account, a staff member, or Roster itself (jobs). Each
 * use case decides from this alone whether the action is allowed, so every channel (pages, Admin Area, API)
 * gets the same answer. An API credential will be one more variant.
 */
public sealed interface Actor {

    /** How the audit trail names the kind of actor. */
    enum Type { USER, STAFF, SYSTEM, ANONYMOUS }

    Type type();

    /** A user acting in the account selected for them; their permissions there are read live by the use case. */
    record Member(long userId, long accountId) implements Actor {
        @Override
        public Type type() {
            return Type.USER;
        }
    }

    /**
     * A staff member from the Admin Area. Support reads and may send emails again; only an Administrator changes
     * anything. The name is what people affected are shown (an invitation's "invited by").
     */
    record Staff(long staffId, Role role, String name) implements Actor {

        public enum Role { ADMINISTRATOR, SUPPORT }

        @Override
        public Type type() {
            return Type.STAFF;
        }

        public boolean administrator() {
            return role == Role.ADMINISTRATOR;
        }
    }

    /** Roster itself: scheduled jobs and startup. */
    record System() implements Actor {
        @Override
        public Type type() {
            return Type.SYSTEM;
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
