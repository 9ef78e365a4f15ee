package app.roster.admin;

import app.roster.account.AccountProfile;
import app.roster.account.OpenAccount;
import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.StaffOnly;
import app.roster.user.CreateUserByStaff;
import app.roster.user.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator's "Add New Client": opens an account whose owner is an existing user, or a new user created by staff
 * (who is emailed a link to set their own password). The owner's membership comes with the account. One
 * transaction: a refused owner leaves no account behind.
 */
@Service
public class AddClient {

    /** The owner: {@code userId} for an existing user, otherwise the new user's email, name and language. */
    public record Owner(Long userId, EmailAddress email, String firstName, String lastName, Language language) {

        public static Owner existing(long userId) {
            return new Owner(userId, null, null, null, null);
        }

        public static Owner created(EmailAddress email, String firstName, String lastName, Language language) {
            return new Owner(null, email, firstName, lastName, language);
        }
    }

    /** Audited as the staff action, next to the account's own {@code account.opened}. */
    public record ClientCreated(long accountId, long ownerUserId, boolean newOwner, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofMember("admin.client.created", accountId, ownerUserId,
                    "owner", newOwner ? "new" : "existing").by(actor);
        }
    }

    private final OpenAccount openAccount;
    private final CreateUserByStaff createUser;
    private final Users users;
    private final ApplicationEventPublisher events;

    AddClient(OpenAccount openAccount, CreateUserByStaff createUser, Users users, ApplicationEventPublisher events) {
        this.openAccount = openAccount;
        this.createUser = createUser;
        this.users = users;
        this.events = events;
    }

    /**
     * The new account's id. {@link AssociationRefused} on field {@code userId} when the chosen user is gone;
     * {@link CreateUserByStaff.EmailTaken} when the new owner's address is a user already.
     */
    @Transactional
    public long add(Actor actor, AccountProfile profile, Owner owner) {
        StaffOnly.requireAdministrator(actor);
        long ownerId;
        if (owner.userId() != null) {
            ownerId = users.findById(owner.userId())
                    .orElseThrow(() -> new AssociationRefused("userId", "admin.associate.error.noUser")).id();
        } else {
            ownerId = createUser.create(actor, owner.email(), owner.firstName(), owner.lastName(), owner.language());
        }
        long accountId = openAccount.open(profile, ownerId);
        events.publishEvent(new ClientCreated(accountId, ownerId, owner.userId() == null, actor));
        return accountId;
    }
}
