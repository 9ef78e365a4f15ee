package app.roster.mail;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when {@code spring.mail.host} has a value. Boot's own mail condition also matches an empty host,
 * which is our default, so it cannot tell SMTP from the dev mailbox.
 */
public final class SmtpConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"));
    }

    /** The opposite: no SMTP server, so mail stays in the dev mailbox. */
    public static final class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new SmtpConfigured().matches(context, metadata);
        }
    }
}
