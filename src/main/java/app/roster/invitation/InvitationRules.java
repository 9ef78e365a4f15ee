package app.roster.invitation;

import app.roster.account.AllowedDomains;
import app.roster.membership.Membership;
import app.roster.membership.MembershipRefused;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.EmailAddress;
import java.util.Set;

/** The checks every invitation passes before it is sent, resent or edited (rules 3, 6 and 7). */
final class InvitationRules {

    private InvitationRules() {
    }

    /** A manager offers only what they hold; the owner (and staff) anything in the catalogue. */
    static void requireMayGrant(Membership manager, Set<String> permissions) {
        if (!manager.may(PermissionCatalogue.USERS)) {
            throw new MembershipRefused("membership.refused.notManager");
        }
        if (!manager.owner() && !manager.permissions().containsAll(permissions)) {
            throw InvitationRefused.notHeld();
        }
    }

    static void requireAllowedDomain(AllowedDomains domains, EmailAddress email) {
        if (!domains.admits(email)) {
            throw InvitationRefused.ofEmail("invitation.refused.domain", domains.describe(", "));
        }
    }
}
