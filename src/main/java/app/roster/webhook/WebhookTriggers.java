package app.roster.webhook;

import app.roster.account.AccountOpened;
import app.roster.account.CloseAccount.AccountClosed;
import app.roster.account.CloseAccount.AccountReopened;
import app.roster.account.DeleteAccount.AccountDeleted;
import app.roster.account.UpdateAccountProfile.AccountProfileUpdated;
import app.roster.contact.Category;
import app.roster.contact.ContactEvents.ContactRecorded;
import app.roster.contact.ContactEvents.ContactUnsubscribed;
import app.roster.invitation.InvitationEvents.InvitationAccepted;
import app.roster.invitation.InvitationEvents.InvitationEnded;
import app.roster.invitation.InvitationEvents.InvitationSent;
import app.roster.membership.AddMember.MemberAdded;
import app.roster.membership.MembershipEvents.MemberLeft;
import app.roster.membership.MembershipEvents.MemberRemoved;
import app.roster.membership.MembershipEvents.OwnershipTransferred;
import app.roster.membership.MembershipEvents.PermissionsChanged;
import app.roster.user.EmailChanged;
import app.roster.user.SessionsEnded;
import app.roster.user.UpdateProfile.ProfileUpdated;
import app.roster.user.UserAccessEvents.UserAccessChanged;
import app.roster.user.UserCreatedByStaff;
import app.roster.user.UserRegistered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' events into webhook events, synchronously and in the publisher's transaction (like the audit
 * trail): the change, its audit row and its webhook event commit or roll back together. {@code data} names the
 * resource and, for a change, what it was before and after; never a token, a password or a link.
 */
@Component
class WebhookTriggers {

    private final WebhookEventLog log;

    WebhookTriggers(WebhookEventLog log) {
        this.log = log;
    }

    @EventListener
    void on(UserRegistered event) {
        log.append("user.created", null, event.userId(), fields("user", fields("id", event.userId(),
                "email", event.email(), "first_name", event.firstName(), "last_name", event.lastName(),
                "language", event.language().toLanguageTag())));
    }

    @EventListener
    void on(UserCreatedByStaff event) {
        log.append("user.created", null, event.userId(), fields("user", fields("id", event.userId(),
                "email", event.email())));
    }

    @EventListener
    void on(ProfileUpdated event) {
        log.append("user.updated", null, event.userId(), changes("user", event.userId(), event.details()));
    }

    @EventListener
    void on(EmailChanged event) {
        log.append("user.email_changed", null, event.userId(), fields("user", fields("id", event.userId()),
                "before", fields("email", event.oldEmail()), "after", fields("email", event.newEmail())));
    }

    @EventListener
    void on(UserAccessChanged event) {
        String type = switch (event.change()) {
            case DISABLED -> "user.disabled";
            case ENABLED -> "user.enabled";
            case DELETED -> "user.deleted";
            // session.ended comes from SessionsEnded, which every way of ending sessions publishes.
            case SESSIONS_ENDED, PASSWORD_RESET_SENT, VERIFICATION_SENT -> null;
        };
        if (type != null) {
            log.append(type, null, event.userId(), fields("user", fields("id", event.userId())));
        }
    }

    /**
     * A logout, one session ended from the profile page, or all of them (password change, disabled user, staff).
     * Never the session's id: it is the cookie's value.
     */
    @EventListener
    void on(SessionsEnded event) {
        log.append("session.ended", null, event.userId(), fields("user", fields("id", event.userId()),
                "all_sessions", event.everywhere()));
    }

    @EventListener
    void on(AccountOpened event) {
        log.append("account.created", event.accountId(), event.ownerUserId(), fields("account",
                fields("id", event.accountId(), "name", event.name(), "owner_user_id", event.ownerUserId())));
    }

    @EventListener
    void on(AccountProfileUpdated event) {
        log.append("account.updated", event.accountId(), 0, changes("account", event.accountId(), event.details()));
    }

    @EventListener
    void on(AccountClosed event) {
        log.append("account.closed", event.accountId(), 0, fields("account", fields("id", event.accountId())));
    }

    @EventListener
    void on(AccountReopened event) {
        log.append("account.reopened", event.accountId(), 0, fields("account", fields("id", event.accountId())));
    }

    @EventListener
    void on(AccountDeleted event) {
        log.append("account.deleted", event.accountId(), 0, fields("account", fields("id", event.accountId())));
    }

    @EventListener
    void on(OwnershipTransferred event) {
        log.append("account.owner_changed", event.accountId(), 0, fields("account", fields("id", event.accountId()),
                "before", fields("owner_user_id", event.fromUserId()),
                "after", fields("owner_user_id", event.toUserId())));
    }

    @EventListener
    void on(MemberAdded event) {
        log.append("member.added", event.accountId(), event.userId(), fields("member", fields(
                "account_id", event.accountId(), "user_id", event.userId(), "permissions",
                sorted(event.permissions()), "active", event.active())));
    }

    @EventListener
    void on(PermissionsChanged event) {
        log.append("member.permissions_changed", event.accountId(), event.userId(), fields(
                "member", member(event.accountId(), event.userId()),
                "before", fields("permissions", sorted(event.before())),
                "after", fields("permissions", sorted(event.after()))));
    }

    @EventListener
    void on(MemberRemoved event) {
        log.append("member.removed", event.accountId(), event.userId(), fields(
                "member", member(event.accountId(), event.userId()),
                "before", fields("permissions", sorted(event.permissions()))));
    }

    @EventListener
    void on(MemberLeft event) {
        log.append("member.left", event.accountId(), event.userId(), fields(
                "member", member(event.accountId(), event.userId()),
                "before", fields("permissions", sorted(event.permissions()))));
    }

    /** Pairs of name and value, in this order (for people reading payloads), nulls kept as JSON nulls. */
    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @EventListener
    void on(InvitationSent event) {
        log.append(event.resent() ? "invitation.resent" : "invitation.sent", event.accountId(), 0, fields(
                "invitation", fields("id", event.invitationId(), "account_id", event.accountId(),
                        "email", event.email(), "permissions", sorted(event.permissions()))));
    }

    @EventListener
    void on(InvitationAccepted event) {
        log.append("invitation.accepted", event.accountId(), event.userId(), fields(
                "invitation", fields("id", event.invitationId(), "account_id", event.accountId(),
                        "email", event.invitedEmail()),
                "member", fields("account_id", event.accountId(), "user_id", event.userId(),
                        "permissions", sorted(event.permissions()), "active", event.active())));
    }

    /** Cancelled (by a manager, staff, or because the inviter lost the right to invite) or expired. */
    @EventListener
    void on(InvitationEnded event) {
        if (event.action().equals("invitation.cancelled") || event.action().equals("invitation.expired")) {
            log.append(event.action(), event.accountId(), 0, fields("invitation", fields("id", event.invitationId(),
                    "account_id", event.accountId(), "email", event.email()), "reason", event.reason()));
        }
    }

    /** Added, changed and deleted; a confirmation (or its email sent again) is not one of the types. */
    @EventListener
    void on(ContactRecorded event) {
        String type = switch (event.change()) {
            case ADDED -> "contact.created";
            case CHANGED -> "contact.updated";
            case DELETED -> "contact.deleted";
            case CONFIRMED, CONFIRMATION_RESENT -> null;
        };
        if (type == null) {
            return;
        }
        Map<String, Object> contact = fields("id", event.contactId(), "account_id", event.accountId());
        if (type.equals("contact.updated")) {
            Map<String, Object> data = changes("contact", event.contactId(), event.facts());
            data.put("contact", contact);
            log.append(type, event.accountId(), 0, data);
        } else {
            event.facts().forEach(contact::put);
            log.append(type, event.accountId(), 0, fields("contact", contact));
        }
    }

    @EventListener
    void on(ContactUnsubscribed event) {
        log.append("contact.unsubscribed", event.accountId(), 0, fields(
                "contact", fields("id", event.contactId(), "account_id", event.accountId()),
                "category", event.category().code(),
                "before", fields("subscriptions", codes(event.before())),
                "after", fields("subscriptions", codes(event.after()))));
    }

    private static List<String> codes(Set<Category> categories) {
        return categories.stream().map(Category::code).sorted().toList();
    }

    private static Map<String, Object> member(long accountId, long userId) {
        return fields("account_id", accountId, "user_id", userId);
    }

    private static List<String> sorted(Set<String> permissions) {
        return permissions.stream().sorted().toList();
    }

    /**
     * The audit's "field: before -> after" pairs as {@code before} and {@code after} objects of the fields that
     * changed.
     */
    private static Map<String, Object> changes(String resource, long id, Map<String, String> details) {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        details.forEach((field, change) -> {
            String separator = change.contains(" -> ") ? " -> " : " \u2192 ";
            int arrow = change.indexOf(separator);
            String name = field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
            if (arrow >= 0) {
                before.put(name, change.substring(0, arrow));
                after.put(name, change.substring(arrow + separator.length()));
            } else {
                after.put(name, change);
            }
        });
        return fields(resource, fields("id", id), "before", before, "after", after);
    }
}
