package app.roster.mail;

import app.roster.staff.StaffMembers;
import app.roster.invitation.InvitationEvents.InvitationEmailRequested;
import app.roster.invitation.InvitationEvents.InviterNotified;
import app.roster.invitation.InvitationEvents.StaffInviterNotified;
import app.roster.shared.BaseUrl;
import app.roster.user.Users;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The invitation module's emails: the link to the invited address, in the language the invitation was
 * sent in, and the notice to the inviter that someone accepted. Synchronous listeners, so the outbox row
 * commits or rolls back with the invitation (rule 13).
 */
@Component
class InvitationEmails {

    private final MailComposer composer;
    private final Outbox outbox;
    private final Users users;
    private final StaffMembers staff;
    private final BaseUrl baseUrl;

    InvitationEmails(MailComposer composer, Outbox outbox, Users users, StaffMembers staff, BaseUrl baseUrl) {
        this.composer = composer;
        this.outbox = outbox;
        this.users = users;
        this.staff = staff;
        this.baseUrl = baseUrl;
    }

    /** The invitee may not be a user yet: no name to greet them by. */
    @EventListener
    void on(InvitationEmailRequested event) {
        String inviter = blankToEmpty(event.inviterName());
        outbox.enqueue(composer.compose("invitation", event.email(), event.language(), Map.of(
                "firstName", "", "inviterName", inviter, "accountName", blankToEmpty(event.accountName()),
                "link", event.link(), "expiresAt", MailComposer.dateTime(event.expiresAt(), event.language()),
                "validDays", event.validFor().toDays(), "validHours", event.validFor().toHours(),
                "wholeDays", event.validFor().toHours() % 24 == 0),
                blankToEmpty(event.accountName())));
    }

    /** To the stored address of the inviter, in their language; a deleted inviter simply gets nothing. */
    @EventListener
    void on(InviterNotified event) {
        users.findById(event.inviterUserId()).ifPresent(inviter -> outbox.enqueue(composer.compose(
                "invitation-accepted", inviter.email().value(), inviter.language().locale(), Map.of(
                        "firstName", blankToEmpty(inviter.firstName()),
                        "acceptedByName", blankToEmpty(event.acceptedByName()),
                        "acceptedByEmail", blankToEmpty(event.acceptedByEmail()),
                        "accountName", blankToEmpty(event.accountName())),
                blankToEmpty(event.acceptedByName()), blankToEmpty(event.accountName()))));
    }

    /** Staff have no language setting: English, like the Admin Area's other emails. A disabled one gets nothing. */
    @EventListener
    void on(StaffInviterNotified event) {
        staff.findById(event.staffId()).filter(member -> !member.disabled()).ifPresent(member -> outbox.enqueue(
                composer.compose("invitation-accepted", member.email(), Locale.ENGLISH, Map.of(
                        "firstName", blankToEmpty(member.name()),
                        "acceptedByName", blankToEmpty(event.acceptedByName()),
                        "acceptedByEmail", blankToEmpty(event.acceptedByEmail()),
                        "accountName", blankToEmpty(event.accountName()),
                        "clientPage", clientPage(event.accountId())),
                        blankToEmpty(event.acceptedByName()), blankToEmpty(event.accountName()))));
    }

    private String clientPage(long accountId) {
        return baseUrl.path("/admin/clients/{id}/users").build(accountId).toString();
    }

    /** Map.of refuses nulls, and a failing listener would roll back the invitation itself. */
    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
