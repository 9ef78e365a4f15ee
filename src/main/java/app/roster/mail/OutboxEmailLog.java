package app.roster.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The Admin Area's view of the outbox. It reads the SMTP host, port and TLS flags, never the password. */
@Component
class OutboxEmailLog implements EmailLog {

    private final Outbox outbox;
    private final MailSettings settings;
    private final Environment environment;

    OutboxEmailLog(Outbox outbox, MailSettings settings, Environment environment) {
        this.outbox = outbox;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public List<LoggedEmail> search(LoggedEmail.State state, String recipientPrefix, int limit, long offset) {
        return outbox.search(state(state), recipientPrefix, limit, offset).stream().map(OutboxEmailLog::logged)
                .toList();
    }

    @Override
    public long count(LoggedEmail.State state, String recipientPrefix) {
        return outbox.count(state(state), recipientPrefix);
    }

    @Override
    public Optional<LoggedEmail> find(long id) {
        return outbox.find(id).map(OutboxEmailLog::logged);
    }

    @Override
    public boolean requeue(long id) {
        return outbox.retry(id);
    }

    @Override
    public MailOverview overview() {
        OutboxStatus status = outbox.status();
        String host = environment.getProperty("spring.mail.host");
        return new MailOverview(StringUtils.hasText(host), host,
                environment.getProperty("spring.mail.port", Integer.class, 25),
                environment.getProperty("spring.mail.properties.mail.smtp.starttls.enable", Boolean.class, false),
                environment.getProperty("spring.mail.properties.mail.smtp.ssl.enable", Boolean.class, false),
                settings.from(), settings.maxAttempts(), settings.bodyRetention(), status.queued(), status.failed(),
                status.lastSentAt());
    }

    private static OutboxMessage.State state(LoggedEmail.State state) {
        return state == null ? null : OutboxMessage.State.valueOf(state.name());
    }

    private static LoggedEmail logged(OutboxMessage message) {
        return new LoggedEmail(message.id(), message.recipient(), message.subject(), message.textBody(),
                LoggedEmail.State.valueOf(message.state().name()), message.attempts(), message.nextAttemptAt(),
                message.lastError(), message.createdAt(), message.sentAt(), message.redactedAt());
    }
}
