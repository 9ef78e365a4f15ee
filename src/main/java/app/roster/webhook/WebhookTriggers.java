package app.roster.webhook;

import app.roster.account.AccountOpened;
import app.roster.api.ApiRepresentations;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the modules' events into webhook events, synchronously and in the publisher's transaction (like the audit
 * trail): the change, its audit row and its webhook event commit or roll back together. {@code data} holds the
 * resource as the REST API's GET answers it (read in the same transaction, so with the change), and for a change
 * {@code before} and {@code after} of the fields that changed; a resource that is gone is named by its ids. Never
 * a token, a password or a link. An event type no endpoint subscribes to (enabled or disabled) costs one read of
 * the endpoints' table: the representation is read only for a type some endpoint takes.
 */
@Component
class WebhookTriggers {

    private final WebhookEventLog log;
    private final ApiRepresentations.OfUser users;
    private final ApiRepresentations.OfAccount accounts;
    private final ApiRepresentations.OfMember members;
    private final ApiRepresentations.OfInvitation invitations;
    private final ApiRepresentations.OfContact contacts;

    WebhookTriggers(WebhookEventLog log, ApiRepresentations.OfUser users, ApiRepresentations.OfAccount accounts,
            ApiRepresentations.OfMember members, ApiRepresentations.OfInvitation invitations,
            ApiRepresentations.OfContact contacts) {
        this.log = log;
        this.users = users;
        this.accounts = accounts;
        this.members = members;
        this.invitations = invitations;
        this.contacts = contacts;
    }

    @EventListener
    void on(UserRegistered event) {
        log.append("user.created", null, event.userId(), () -> fields("user", user(event.userId())));
    }

    @EventListener
    void on(UserCreatedByStaff event) {
        log.append("user.created", null, event.userId(), () -> fields("user", user(event.userId())));
    }

    @EventListener
    void on(ProfileUpdated event) {
        log.append("user.updated", null, event.userId(), () -> changes("user", user(event.userId()), event.details()));
    }

    @EventListener
    void on(EmailChanged event) {
        log.append("user.email_changed", null, event.userId(), () -> fields("user", user(event.userId()),
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
            log.append(type, null, event.userId(), () -> fields("user", user(event.userId())));
        }
    }

    /**
     * A logout, one session ended from the profile page, or all of them (password change, disabled user, staff).
     * Never the session's id: it is the cookie's value.
     */
    @EventListener
    void on(SessionsEnded event) {
        log.append("session.ended", null, event.userId(), () -> fields("user", user(event.userId()),
                "allSessions", event.everywhere()));
    }

    @EventListener
    void on(AccountOpened event) {
        log.append("account.created", event.accountId(), event.ownerUserId(),
                () -> fields("account", account(event.accountId())));
    }

    @EventListener
    void on(AccountProfileUpdated event) {
        log.append("account.updated", event.accountId(), 0,
                () -> changes("account", account(event.accountId()), event.details()));
    }

    @EventListener
    void on(AccountClosed event) {
        log.append("account.closed", event.accountId(), 0, () -> fields("account", account(event.accountId())));
    }

    @EventListener
    void on(AccountReopened event) {
        log.append("account.reopened", event.accountId(), 0, () -> fields("account", account(event.accountId())));
    }

    @EventListener
    void on(AccountDeleted event) {
        log.append("account.deleted", event.accountId(), 0, () -> fields("account", account(event.accountId())));
    }

    @EventListener
    void on(OwnershipTransferred event) {
        log.append("account.owner_changed", event.accountId(), 0, () -> fields("account", account(event.accountId()),
                "before", fields("ownerUserId", id(event.fromUserId())),
                "after", fields("ownerUserId", id(event.toUserId()))));
    }

    @EventListener
    void on(MemberAdded event) {
        log.append("member.added", event.accountId(), event.userId(),
                () -> fields("member", member(event.accountId(), event.userId())));
    }

    @EventListener
    void on(PermissionsChanged event) {
        log.append("member.permissions_changed", event.accountId(), event.userId(), () -> fields(
                "member", member(event.accountId(), event.userId()),
                "before", fields("permissions", sorted(event.before())),
                "after", fields("permissions", sorted(event.after()))));
    }

    @EventListener
    void on(MemberRemoved event) {
        log.append("member.removed", event.accountId(), event.userId(), () -> fields(
                "member", member(event.accountId(), event.userId()),
                "before", fields("permissions", sorted(event.permissions()))));
    }

    @EventListener
    void on(MemberLeft event) {
        log.append("member.left", event.accountId(), event.userId(), () -> fields(
                "member", member(event.accountId(), event.userId()),
                "before", fields("permissions", sorted(event.permissions()))));
    }

    @EventListener
    void on(InvitationSent event) {
        log.append(event.resent() ? "invitation.resent" : "invitation.sent", event.accountId(), 0,
                () -> fields("invitation", invitation(event.accountId(), event.invitationId())));
    }

    @EventListener
    void on(InvitationAccepted event) {
        log.append("invitation.accepted", event.accountId(), event.userId(), () -> fields(
                "invitation", invitation(event.accountId(), event.invitationId()),
                "member", member(event.accountId(), event.userId())));
    }

    /** Cancelled (by a manager, staff, or because the inviter lost the right to invite) or expired. */
    @EventListener
    void on(InvitationEnded event) {
        if (event.action().equals("invitation.cancelled") || event.action().equals("invitation.expired")) {
            log.append(event.action(), event.accountId(), 0, () -> fields(
                    "invitation", invitation(event.accountId(), event.invitationId()), "reason", event.reason()));
        }
    }

    /** Added, changed and deleted; a confirmation (or its email sent again) is not one of the types. */
    @EventListener
    void on(ContactRecorded event) {
        Supplier<Object> contact = () -> contact(event.accountId(), event.contactId());
        switch (event.change()) {
            case ADDED -> log.append("contact.created", event.accountId(), 0, () -> fields("contact", contact.get()));
            case CHANGED -> log.append("contact.updated", event.accountId(), 0,
                    () -> changes("contact", contact.get(), event.facts()));
            case DELETED -> log.append("contact.deleted", event.accountId(), 0, () -> fields("contact", contact.get(),
                    "before", new LinkedHashMap<>(event.facts())));
            case CONFIRMED, CONFIRMATION_RESENT -> {
            }
        }
    }

    @EventListener
    void on(ContactUnsubscribed event) {
        log.append("contact.unsubscribed", event.accountId(), 0, () -> fields(
                "contact", contact(event.accountId(), event.contactId()),
                "category", event.category().code(),
                "before", fields("subscriptions", codes(event.before())),
                "after", fields("subscriptions", codes(event.after()))));
    }

    // The resources as the API shows them, or (once gone) their ids as the API names them.

    private Object user(long userId) {
        return or(users.user(userId), "id", id(userId));
    }

    private Object account(long accountId) {
        return or(accounts.account(accountId), "id", id(accountId));
    }

    private Object member(long accountId, long userId) {
        return or(members.member(accountId, userId), "accountId", id(accountId), "userId", id(userId));
    }

    private Object invitation(long accountId, long invitationId) {
        return or(invitations.invitation(accountId, invitationId), "id", id(invitationId),
                "accountId", id(accountId));
    }

    private Object contact(long accountId, long contactId) {
        return or(contacts.contact(accountId, contactId), "id", id(contactId), "accountId", id(accountId));
    }

    private static Object or(Optional<Object> found, Object... ids) {
        return found.orElseGet(() -> fields(ids));
    }

    /** Ids are strings in the API's JSON. */
    private static String id(long id) {
        return String.valueOf(id);
    }

    /** Pairs of name and value, in this order (for people reading payloads), nulls kept as JSON nulls. */
    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> codes(Set<Category> categories) {
        return categories.stream().map(Category::code).sorted().toList();
    }

    private static List<String> sorted(Set<String> permissions) {
        return permissions.stream().sorted().toList();
    }

    /**
     * The resource, with the audit's "field: before -> after" pairs as {@code before} and {@code after} objects
     * of the fields that changed, named and typed as in the API: an empty value is null, subscriptions a list.
     */
    private static Map<String, Object> changes(String name, Object resource, Map<String, String> details) {
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        details.forEach((field, change) -> {
            String separator = change.contains(" -> ") ? " -> " : " \u2192 ";
            int arrow = change.indexOf(separator);
            String key = apiName(field);
            if (arrow >= 0) {
                before.put(key, apiValue(key, change.substring(0, arrow)));
                after.put(key, apiValue(key, change.substring(arrow + separator.length())));
            } else {
                after.put(key, apiValue(key, change));
            }
        });
        return fields(name, resource, "before", before, "after", after);
    }

    /** The audit's names (first_name, company) as the API's (firstName, companyName). */
    private static String apiName(String field) {
        if (field.equals("company")) {
            return "companyName";
        }
        StringBuilder name = new StringBuilder();
        for (String part : field.split("_")) {
            name.append(name.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return name.toString();
    }

    private static Object apiValue(String field, String value) {
        if (field.equals("subscriptions")) {
            return value.isEmpty() ? List.of() : List.of(value.split(","));
        }
        return value.isEmpty() ? null : value;
    }
}
