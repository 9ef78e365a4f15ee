package app.roster.membership;

import app.roster.account.Accounts;
import app.roster.shared.AuditedEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a user a member of an account: by an accepted invitation, or by staff directly. A membership that
 * waits for a verified email (restricted account) grants nothing until {@link #activate}.
 */
@Service
public class AddMember {

    /** A user joined an account (or will, once their email is verified). */
    public record MemberAdded(long accountId, long userId, Set<String> permissions, boolean active, String how)
            implements AuditedEvent {
        @Override
        public String action() {
            return "membership.added";
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
            return Map.of("permissions", String.join(",", permissions), "active", String.valueOf(active), "how", how);
        }
    }

    /** A waiting membership became active once the user's email was verified. */
    public record MemberActivated(long accountId, long userId) implements AuditedEvent {
        @Override
        public String action() {
            return "membership.activated";
        }

        @Override
        public Long auditedAccountId() {
            return accountId;
        }

        @Override
        public Long auditedUserId() {
            return userId;
        }
    }

    private final Memberships memberships;
    private final Accounts accounts;
    private final PermissionCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AddMember(Memberships memberships, Accounts accounts, PermissionCatalogue catalogue,
            ApplicationEventPublisher events, Clock clock) {
        this.memberships = memberships;
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
    }

    /**
     * False when the user already belonged to the account (nothing changes then). Takes the account's lock
     * for new members, so a second add at the same moment waits and then answers false instead of failing.
     */
    @Transactional
    public boolean add(long accountId, long userId, Set<String> permissions, boolean active, String how) {
        accounts.lockForNewMembers(accountId);
        Set<String> known = catalogue.known(permissions);
        boolean added = memberships.insert(accountId, userId, known, active, clock.instant());
        if (added) {
            events.publishEvent(new MemberAdded(accountId, userId, known, active, how));
        }
        return added;
    }

    @Transactional
    public void activate(long accountId, long userId) {
        if (memberships.activate(accountId, userId)) {
            events.publishEvent(new MemberActivated(accountId, userId));
        }
    }
}
