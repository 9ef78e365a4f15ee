package app.roster.membership;

import app.roster.account.Accounts;
import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a user a member of an account: the user themselves by an accepted invitation, or an Administrator
 * directly. A membership that waits for a verified email (restricted account) grants nothing until
 * {@link #activate}.
 */
@Service
public class AddMember {

    /** A user joined an account (or will, once their email is verified). */
    public record MemberAdded(long accountId, long userId, Set<String> permissions, boolean active, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("membership.added", accountId, userId, "permissions", String.join(",", permissions),
                    "active", active, "how", switch (actor) {
                        case Actor.Staff _ -> "staff";
                        case Actor.ApiKey _ -> "api_key";
                        default -> "invitation";
                    }).by(actor);
        }
    }

    /** A waiting membership became active once the user's email was verified. */
    public record MemberActivated(long accountId, long userId) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("membership.activated", accountId, userId);
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
     * A user adds only themselves, once the invitation module has accepted their link; an Administrator adds
     * anyone; Support and everybody else are refused.
     */
    @Transactional
    public boolean add(Actor actor, long accountId, long userId, Set<String> permissions, boolean active) {
        switch (actor) {
            case Actor.User user -> {
                if (user.userId() != userId) {
                    throw new NotFound();
                }
            }
            case Actor.Staff _, Actor.ApiKey _ -> StaffOnly.requireAdministrator(actor);
            case Actor.Member _, Actor.Token _, Actor.System _ -> throw AccountAccess.notAnActor();
        }
        accounts.lockForNewMembers(accountId);
        Set<String> known = catalogue.known(permissions);
        boolean added = memberships.insert(accountId, userId, known, active, clock.instant());
        if (added) {
            events.publishEvent(new MemberAdded(accountId, userId, known, active, actor));
        }
        return added;
    }

    /** Roster itself, once the user's in-domain address is verified. */
    @Transactional
    public void activate(long accountId, long userId) {
        if (memberships.activate(accountId, userId)) {
            events.publishEvent(new MemberActivated(accountId, userId));
        }
    }
}
