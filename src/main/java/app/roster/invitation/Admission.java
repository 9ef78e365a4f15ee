package app.roster.invitation;

import app.roster.account.AllowedDomainsRepository;
import app.roster.membership.Memberships;
import app.roster.shared.EmailAddress;
import app.roster.user.Users;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Rules 6 and 7, once for every way into an account: an invitation from the Client Area or the Admin Area,
 * and staff adding a user at once ("Associate User" with Send Invite = no). Call it with the account's row
 * locked for new members, so that two requests cannot both pass it.
 */
@Component
public class Admission {

    private final AllowedDomainsRepository allowedDomains;
    private final Users users;
    private final Memberships memberships;
    private final Invitations invitations;
    private final Clock clock;

    Admission(AllowedDomainsRepository allowedDomains, Users users, Memberships memberships, Invitations invitations,
            Clock clock) {
        this.allowedDomains = allowedDomains;
        this.users = users;
        this.memberships = memberships;
        this.invitations = invitations;
        this.clock = clock;
    }

    /**
     * Resending to an address the account no longer admits (its domains were restricted after sending) would send
     * a link that cannot be accepted: refused, with the advice to cancel and invite an address inside them.
     */
    public void requireStillAdmitted(long accountId, EmailAddress email) {
        if (!allowedDomains.of(accountId).admits(email)) {
            throw InvitationRefused.ofEmail("invitation.refused.domainOnResend");
        }
    }

    /** Refuses, on the email field, an address outside the allowed domains, a user of the account, or one invited. */
    public void require(long accountId, EmailAddress email) {
        InvitationRules.requireAllowedDomain(allowedDomains.of(accountId), email);
        users.findByEmail(email).filter(user -> memberships.includesOrAwaits(accountId, user.id())).ifPresent(user -> {
            throw InvitationRefused.member();
        });
        invitations.openFor(accountId, email, clock.instant()).ifPresent(open -> {
            throw InvitationRefused.pending(open.id());
        });
    }
}
