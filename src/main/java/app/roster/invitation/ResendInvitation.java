package app.roster.invitation;

import app.roster.account.Accounts;
import app.roster.shared.Actor;
import app.roster.shared.NotFound;
import app.roster.shared.OneTimeToken;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Resend Invite": a new link, the old one dead at once, the validity restarted (rule 5). */
@Service
public class ResendInvitation {

    private final Invitations invitations;
    private final InvitationActor actors;
    private final SendInvitation limits;
    private final Admission admission;
    private final Accounts accounts;
    private final InvitationSettings settings;
    private final InvitationLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResendInvitation(Invitations invitations, InvitationActor actors, SendInvitation limits, Admission admission, Accounts accounts,
            InvitationSettings settings, InvitationLinks links, ApplicationEventPublisher events, Clock clock) {
        this.invitations = invitations;
        this.actors = actors;
        this.limits = limits;
        this.admission = admission;
        this.accounts = accounts;
        this.settings = settings;
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void resend(Actor actor, long accountId, long invitationId) {
        Invitation invitation = actors.requireMaySendAgain(actor, accountId, invitationId);
        Instant now = clock.instant();
        invitation.requireResendable(now);
        admission.requireStillAdmitted(accountId, invitation.email());
        limits.requireWithinLimits(accountId, actor);
        OneTimeToken token = OneTimeToken.generate();
        Instant expiresAt = now.plus(settings.validity());
        if (!invitations.renew(accountId, invitationId, token.hash(), now, expiresAt)) {
            throw InvitationRefused.closed();
        }
        String accountName = accounts.findById(accountId).orElseThrow(NotFound::new).name();
        events.publishEvent(new InvitationEvents.InvitationSent(accountId, invitationId, invitation.email().value(),
                invitation.permissions(), true, actor));
        events.publishEvent(new InvitationEvents.InvitationEmailRequested(invitationId, invitation.email().value(),
                invitation.language().locale(), accountName, actors.nameOf(actor), links.accept(token), expiresAt,
                settings.validity()));
    }
}
