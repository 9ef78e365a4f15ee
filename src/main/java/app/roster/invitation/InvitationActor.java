package app.roster.invitation;

import app.roster.membership.AccountAccess;
import app.roster.membership.Membership;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.user.User;
import app.roster.user.Users;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may act on invitations: an Administrator, the owner, or a manager whose permissions cover the
 * invitation's (the same "equals or below" rule as for removing users). Support staff may only resend.
 */
@Component
class InvitationActor {

    private final Invitations invitations;
    private final AccountAccess access;
    private final Users users;

    InvitationActor(Invitations invitations, AccountAccess access, Users users) {
        this.invitations = invitations;
        this.access = access;
        this.users = users;
    }

    /** The invitation, if the actor may change it; another account's id is {@link NotFound}. */
    Invitation requireManageable(Actor actor, long accountId, long invitationId) {
        if (actor instanceof Actor.Staff || actor instanceof Actor.ApiKey) {
            AccountAccess.requireAdministrator(actor);
        }
        return requireMaySendAgain(actor, accountId, invitationId);
    }

    /** Like {@link #requireManageable}, but Support staff too: sending an email again changes nothing else. */
    Invitation requireMaySendAgain(Actor actor, long accountId, long invitationId) {
        Membership manager = AccountAccess.acting(actor) ? access.membershipOf(actor, accountId) : null;
        requireMemberOrStaff(actor);
        Invitation invitation = invitations.find(accountId, invitationId).orElseThrow(NotFound::new);
        if (manager != null) {
            InvitationRules.requireMayGrant(manager, invitation.permissions());
        }
        return invitation;
    }

    /** Rule 3 for a manager; an Administrator offers anything in the catalogue. */
    void requireMayGrant(Actor actor, long accountId, Set<String> permissions) {
        switch (actor) {
            case Actor.Member _, Actor.Token _ -> InvitationRules.requireMayGrant(access.membershipOf(actor, accountId),
                    permissions);
            case Actor.Staff _, Actor.ApiKey _ -> AccountAccess.requireAdministrator(actor);
            case Actor.User _, Actor.System _ -> requireMemberOrStaff(actor);
        }
    }

    /** The name the invitee reads ("… has given you access"). */
    String nameOf(Actor actor) {
        return switch (actor) {
            case Actor.Member member -> users.findById(member.userId()).map(User::fullName).orElse("");
            case Actor.User user -> users.findById(user.userId()).map(User::fullName).orElse("");
            case Actor.Token token -> users.findById(token.userId()).map(User::fullName).orElse("");
            case Actor.Staff staff -> staff.name();
            case Actor.ApiKey key -> key.name();
            case Actor.System system -> "";
        };
    }

    /** Invitations are an account's business: its users (or their tokens) and staff, not a user outside it nor a job. */
    private static void requireMemberOrStaff(Actor actor) {
        if (!(AccountAccess.acting(actor) || actor instanceof Actor.Staff || actor instanceof Actor.ApiKey)) {
            throw Refusal.forbidden("error.403.body");
        }
    }
}
