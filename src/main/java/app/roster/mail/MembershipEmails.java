package app.roster.mail;

import app.roster.membership.MembershipEvents.MemberRemoved;
import app.roster.membership.MembershipEvents.OwnershipTransferred;
import app.roster.membership.MembershipEvents.PermissionsChanged;
import app.roster.shared.BaseUrl;
import app.roster.user.User;
import app.roster.user.Users;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells users what happened to their place in an account, in their own language. Synchronous listeners,
 * like {@link UserEmails}, so the outbox row commits or rolls back with the membership change (rule 13).
 * A user leaving of their own accord gets no email: they know already.
 */
@Component
class MembershipEmails {

    private final MailComposer composer;
    private final Outbox outbox;
    private final Users users;
    private final PermissionLabels labels;
    private final String clientArea;

    MembershipEmails(MailComposer composer, Outbox outbox, Users users, PermissionLabels labels, BaseUrl baseUrl) {
        this.composer = composer;
        this.outbox = outbox;
        this.users = users;
        this.labels = labels;
        this.clientArea = baseUrl.path("/").build().toUriString();
    }

    @EventListener
    void on(PermissionsChanged event) {
        users.findById(event.userId()).ifPresent(user -> send("permissions-changed", user, event.accountName(),
                Map.of("permissions", labels.of(event.after(), user.language().locale()), "link", clientArea)));
    }

    @EventListener
    void on(MemberRemoved event) {
        users.findById(event.userId()).ifPresent(user -> send("member-removed", user, event.accountName(), Map.of()));
    }

    /** The new owner always hears of it; the former owner only when staff moved it, not by their own hand. */
    @EventListener
    void on(OwnershipTransferred event) {
        Optional<User> from = users.findById(event.fromUserId());
        Optional<User> to = users.findById(event.toUserId());
        to.ifPresent(user -> send("ownership-received", user, event.accountName(), Map.of(
                "byStaff", event.byStaff(), "formerOwner", from.map(User::fullName).orElse(""), "link", clientArea)));
        if (event.byStaff()) {
            from.ifPresent(user -> send("ownership-moved", user, event.accountName(), Map.of(
                    "newOwner", to.map(User::fullName).orElse(""), "link", clientArea)));
        }
    }

    /** Every subject names the account as {@code {1}}. */
    private void send(String template, User user, String accountName, Map<String, ?> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        // Map.of refuses nulls, and a failing listener would roll back the membership change.
        all.put("firstName", user.firstName() == null ? "" : user.firstName());
        all.put("accountName", accountName);
        outbox.enqueue(composer.compose(template, user.email().value(), user.language().locale(), all,
                accountName));
    }
}
