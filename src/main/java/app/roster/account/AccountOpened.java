package app.roster.account;

import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;

/** A client account was created with its owner; the membership module adds the owner's membership. */
public record AccountOpened(long accountId, long ownerUserId, String name) implements AuditedEvent {

    @Override
    public Audit audit() {
        return Audit.ofMember("account.opened", accountId, ownerUserId, "name", name);
    }
}
