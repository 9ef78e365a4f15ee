package app.roster.invitation;

import app.roster.account.AllowedDomainsRepository;
import app.roster.membership.AddMember;
import app.roster.membership.Memberships;
import app.roster.shared.EmailAddress;
import app.roster.user.EmailVerification;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In a restricted account a membership gained by invitation becomes active once the user's in-domain
 * address is verified (accepting an invitation never verifies an address, rule 5).
 */
@Component
class WaitingMemberships {

    private final Memberships memberships;
    private final AllowedDomainsRepository allowedDomains;
    private final AddMember addMember;

    WaitingMemberships(Memberships memberships, AllowedDomainsRepository allowedDomains, AddMember addMember) {
        this.memberships = memberships;
        this.allowedDomains = allowedDomains;
        this.addMember = addMember;
    }

    @EventListener
    void on(EmailVerification.EmailVerified verified) {
        EmailAddress email = EmailAddress.of(verified.email());
        for (long accountId : memberships.waitingAccountsOf(verified.userId())) {
            if (allowedDomains.of(accountId).admits(email)) {
                addMember.activate(accountId, verified.userId());
            }
        }
    }
}
