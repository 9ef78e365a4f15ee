package app.roster.user;

import app.roster.shared.Actor;
import app.roster.shared.Audit;
import app.roster.shared.AuditedEvent;
import app.roster.shared.Language;
import app.roster.shared.NotFound;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Name and language: the user's own change, or an Administrator's. */
@Service
public class UpdateProfile {

    /** Before and after, for the audit. */
    public record ProfileUpdated(long userId, Map<String, String> details, Actor actor) implements AuditedEvent {
        @Override
        public Audit audit() {
            return Audit.ofUser("user.profile_updated", userId).with(details).by(actor);
        }
    }

    private final Users users;
    private final ApplicationEventPublisher events;

    UpdateProfile(Users users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    @Transactional
    public void update(Actor actor, long userId, String firstName, String lastName, Language language) {
        OwnAccess.requireSelfOrAdministrator(actor, userId);
        User before = users.findById(userId).orElseThrow(NotFound::new);
        users.updateName(userId, firstName, lastName, language);
        Map<String, String> changes = new LinkedHashMap<>();
        if (!before.firstName().equals(firstName)) {
            changes.put("firstName", before.firstName() + " -> " + firstName);
        }
        if (!before.lastName().equals(lastName)) {
            changes.put("lastName", before.lastName() + " -> " + lastName);
        }
        if (before.language() != language) {
            changes.put("language", before.language().code() + " -> " + language.code());
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new ProfileUpdated(userId, changes, actor));
        }
    }
}
