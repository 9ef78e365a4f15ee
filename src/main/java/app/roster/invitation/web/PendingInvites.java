package app.roster.invitation.web;

import app.roster.account.AllowedDomains;
import app.roster.account.AllowedDomainsRepository;
import app.roster.invitation.Invitation;
import app.roster.invitation.Invitations;
import app.roster.membership.PermissionCatalogue;
import app.roster.shared.CurrentAccount;
import app.roster.shared.Page;
import app.roster.user.User;
import app.roster.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/** The "Pending Invites" section of User Management: pending and expired invitations, newest first, paginated. */
@Component
class PendingInvites {

    static final int PAGE_SIZE = 10;

    private final Invitations invitations;
    private final Users users;
    private final PermissionCatalogue catalogue;
    private final AllowedDomainsRepository allowedDomains;
    private final Clock clock;

    PendingInvites(Invitations invitations, Users users, PermissionCatalogue catalogue,
            AllowedDomainsRepository allowedDomains, Clock clock) {
        this.invitations = invitations;
        this.users = users;
        this.catalogue = catalogue;
        this.allowedDomains = allowedDomains;
        this.clock = clock;
    }

    void addTo(ModelMap model, CurrentAccount current, int requestedPage) {
        int total = invitations.countPendingOrExpired(current.accountId());
        Page.Request wanted = Page.Request.fromZero(requestedPage, PAGE_SIZE).within(total);
        List<Invitation> found = invitations.pendingOrExpired(current.accountId(), PAGE_SIZE, wanted.offset());
        Map<Long, String> names = users.findAllById(found.stream().map(Invitation::invitedByUserId)
                .filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(User::id, User::fullName, (a, b) -> a));
        Instant now = clock.instant();
        AllowedDomains domains = allowedDomains.of(current.accountId());
        model.addAttribute("invites", wanted.of(found.stream().map(i -> row(i, names, current, domains, now)).toList(),
                total));
    }

    private PendingInvite row(Invitation invitation, Map<Long, String> names, CurrentAccount current,
            AllowedDomains domains, Instant now) {
        String inviter = invitation.invitedByUserId() == null ? null
                : names.getOrDefault(invitation.invitedByUserId(), "");
        boolean manageable = current.owner() || current.permissions().containsAll(invitation.permissions());
        return new PendingInvite(invitation.id(), invitation.email().value(), inviter,
                catalogue.all().stream().filter(p -> invitation.permissions().contains(p.key())).toList(),
                invitation.permissions().containsAll(catalogue.everything()),
                RelativeTime.between(invitation.sentAt(), now), invitation.sentAt(), invitation.expiresAt(),
                invitation.statusAt(now) == Invitation.Status.EXPIRED, manageable, !domains.admits(invitation.email()));
    }

    /** The section's own page parameter; anything that is not a number is the first page. */
    static int page(String parameter) {
        try {
            return parameter == null ? 0 : Integer.parseInt(parameter);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
