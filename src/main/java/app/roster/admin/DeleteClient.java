package app.roster.admin;

import app.roster.account.ClientDetails;
import app.roster.account.ClientDirectory;
import app.roster.account.DeleteAccount;
import app.roster.membership.ClientUsers;
import app.roster.membership.DirectoryUser;
import app.roster.membership.UserDirectory;
import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import app.roster.shared.NotFound;
import app.roster.shared.StaffOnly;
import app.roster.user.DeleteUser;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Administrator deletes a client account and, if asked, its users who belong to no other account, in one
 * transaction. Those users are worked out again at the moment of deletion, not taken from the page.
 */
@Service
public class DeleteClient {

    /** The account is gone: its name, how many users it had and how many logins went with it. */
    public record ClientDeleted(long accountId, String name, int users, int deletedUsers, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount("admin.client.deleted", accountId, "name", name, "users", users,
                    "deleted_users", deletedUsers).by(actor);
        }
    }

    private final ClientDirectory clients;
    private final ClientUsers clientUsers;
    private final UserDirectory userDirectory;
    private final DeleteAccount deleteAccount;
    private final DeleteUser deleteUser;
    private final ApplicationEventPublisher events;

    DeleteClient(ClientDirectory clients, ClientUsers clientUsers, UserDirectory userDirectory, DeleteAccount deleteAccount,
            DeleteUser deleteUser, ApplicationEventPublisher events) {
        this.clients = clients;
        this.clientUsers = clientUsers;
        this.userDirectory = userDirectory;
        this.deleteAccount = deleteAccount;
        this.deleteUser = deleteUser;
        this.events = events;
    }

    /** The number of users deleted with the account. */
    @Transactional
    public int delete(Actor actor, long accountId, boolean alsoLoneUsers) {
        StaffOnly.requireAdministrator(actor);
        ClientDetails client = clients.find(accountId).orElseThrow(NotFound::new);
        int users = clientUsers.count(accountId);
        List<Long> lone = alsoLoneUsers ? userDirectory.usersOnlyIn(accountId).stream().map(DirectoryUser::id).toList()
                : List.of();
        if (!deleteAccount.delete(actor, accountId)) {
            throw new NotFound();
        }
        int deleted = (int) lone.stream().filter(userId -> deleteUser.delete(actor, userId)).count();
        events.publishEvent(new ClientDeleted(accountId, client.name(), users, deleted, actor));
        return deleted;
    }
}
