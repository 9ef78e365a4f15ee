package app.roster.admin;

import app.roster.account.Account;
import app.roster.account.Accounts;
import app.roster.invitation.Admission;
import app.roster.invitation.InvitationRefused;
import app.roster.invitation.Invitations;
import app.roster.invitation.SendInvitation;
import app.roster.membership.AddMember;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.shared.StaffOnly;
import app.roster.user.CreateUserByStaff;
import app.roster.user.User;
import app.roster.user.Users;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff "Associate User" (rule 8): an existing user or a new one by email, with chosen permissions.
 * Send Invite = yes sends an invitation (a new address registers on acceptance); = no makes the membership
 * at once, and a new user is created and emailed a link to set their own password. Staff are bound by the
 * account's allowed domains and by rule 7 like anyone else. All or nothing: one transaction.
 */
@Service
public class AssociateUser {

    /** Who to associate: {@code userId} for an existing user, otherwise the new user's email and name. */
    public record Association(Long userId, EmailAddress email, String firstName, String lastName, Language language,
            Set<String> permissions, boolean sendInvite) {
    }

    public enum Outcome { INVITED, ADDED, CREATED_AND_ADDED }

    private final Accounts accounts;
    private final SendInvitation sendInvitation;
    private final AddMember addMember;
    private final CreateUserByStaff createUser;
    private final Admission admission;
    private final PermissionCatalogue catalogue;
    private final Users users;

    AssociateUser(Accounts accounts, SendInvitation sendInvitation, AddMember addMember, CreateUserByStaff createUser,
            Admission admission, PermissionCatalogue catalogue, Users users) {
        this.accounts = accounts;
        this.sendInvitation = sendInvitation;
        this.addMember = addMember;
        this.createUser = createUser;
        this.admission = admission;
        this.catalogue = catalogue;
        this.users = users;
    }

    /**
     * Locks the account for new members before any check, so two staff (or a double-click) associating the same
     * person at once make one membership or invitation and the other is refused like any duplicate.
     */
    @Transactional
    public Outcome associate(Actor actor, long accountId, Association association) {
        StaffOnly.requireAdministrator(actor);
        accounts.lockForNewMembers(accountId).filter(Account::active).orElseThrow(NotFound::new);
        Set<String> permissions = catalogue.requireKnown(association.permissions());
        User existing = association.userId() == null ? null
                : users.findById(association.userId()).orElseThrow(() -> new AssociationRefused("user",
                        "admin.associate.error.noUser"));
        EmailAddress email = existing != null ? existing.email() : association.email();
        if (existing == null && association.sendInvite() == false && users.findByEmail(email).isPresent()) {
            throw new AssociationRefused("email", "admin.associate.error.exists");
        }
        if (association.sendInvite()) {
            Language language = existing != null ? existing.language() : association.language();
            try {
                sendInvitation.send(actor, accountId, email, permissions, language);
            } catch (InvitationRefused refused) {
                throw translated(refused);
            }
            return Outcome.INVITED;
        }
        requireAdmissible(accountId, email);
        if (existing != null) {
            if (!addMember.add(actor, accountId, existing.id(), permissions, true)) {
                throw new AssociationRefused(Refusal.Kind.CONFLICT, "email", "admin.associate.error.member");
            }
            return Outcome.ADDED;
        }
        long id;
        try {
            id = createUser.create(actor, email, association.firstName(), association.lastName(),
                    association.language());
        } catch (CreateUserByStaff.EmailTaken taken) {
            // created at this moment by someone else (a registration, or staff of another account)
            throw new AssociationRefused("email", "admin.associate.error.exists");
        }
        addMember.add(actor, accountId, id, permissions, true);
        return Outcome.CREATED_AND_ADDED;
    }

    /** The checks {@link SendInvitation} makes (rules 6 and 7), for a membership made at once. */
    private void requireAdmissible(long accountId, EmailAddress email) {
        try {
            admission.require(accountId, email);
        } catch (InvitationRefused refused) {
            throw translated(refused);
        }
    }

    private static AssociationRefused translated(InvitationRefused refused) {
        return switch (refused.messageKey()) {
            case "invitation.refused.member" -> new AssociationRefused(refused.kind(), "email",
                    "admin.associate.error.member");
            case "invitation.refused.pending" -> new AssociationRefused(refused.kind(), "email",
                    "admin.associate.error.pending");
            case "invitation.refused.domain" -> new AssociationRefused("email", "admin.associate.error.domain",
                    refused.arguments());
            case "invitation.refused.tooMany" -> new AssociationRefused("email", "admin.associate.error.tooMany");
            default -> new AssociationRefused("email", "admin.associate.error.refused");
        };
    }
}
