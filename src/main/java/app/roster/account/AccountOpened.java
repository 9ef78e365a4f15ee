package app.roster.account;

import app.roster.shared.AuditedEvent;
import java.util.Map;

/** A client account was created with its owner; the membership module adds the owner's membership. */
public record AccountOpened(long accountId, long ownerUserId, String name) implements AuditedEvent {

    @Override
    public String action() {
        return "account.opened";
    }

    @Override
    public Long auditedAccountId() {
        return accountId;
    }

    @Override
    public Long auditedUserId() {
        return ownerUserId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("name", name);
    }
}
