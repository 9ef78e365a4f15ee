package app.roster.account;

import app.roster.shared.AccountPermissions;
import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets the email domains an account may invite (the owner, or staff). */
@Service
public class RestrictDomains {

    /** Before and after, for the audit. */
    public record AllowedDomainsChanged(long accountId, String before, String after, Actor actor)
            implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofAccount("account.allowed_domains_changed", accountId, "before", before, "after", after)
                    .by(actor);
        }
    }

    private final AccountPermissions permissions;
    private final AllowedDomainsRepository repository;
    private final ApplicationEventPublisher events;

    RestrictDomains(AccountPermissions permissions, AllowedDomainsRepository repository,
            ApplicationEventPublisher events) {
        this.permissions = permissions;
        this.repository = repository;
        this.events = events;
    }

    @Transactional
    public void restrict(Actor actor, long accountId, AllowedDomains domains) {
        permissions.requireOwner(actor, accountId);
        if (domains.rules().size() > AllowedDomains.MAX_RULES) {
            throw new IllegalArgumentException("At most " + AllowedDomains.MAX_RULES + " domains");
        }
        AllowedDomains before = repository.of(accountId);
        if (before.equals(domains)) {
            return;
        }
        repository.replace(accountId, domains);
        events.publishEvent(new AllowedDomainsChanged(accountId, before.describe(","), domains.describe(","), actor));
    }
}
