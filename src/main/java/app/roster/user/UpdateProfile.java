package app.roster.user;

import app.roster.shared.AuditedEvent;
import app.roster.shared.Language;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Name and language. */
@Service
public class UpdateProfile {

    /** Before and after, for the audit. */
    public record ProfileUpdated(long userId, Map<String, String> details) implements AuditedEvent {

        @Override
        public Long auditedUserId() {
            return userId;
        }

        @Override
        public String action() {
            return "user.profile_updated";
        }
    }

    private final Users users;
    private final ApplicationEventPublisher events;

    UpdateProfile(Users users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    @Transactional
    public void update(long userId, String firstName, String lastName, Language language) {
        User before = users.findById(userId).orElseThrow();
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
            events.publishEvent(new ProfileUpdated(userId, changes));
        }
    }
}
