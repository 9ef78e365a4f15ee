package app.roster.mail;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Whether {@code spring.mail.host} has a value, asked at run time rather than as a bean condition: Spring's
 * build-time AOT processing fixes conditions with the build's settings, and the jar is built without SMTP.
 * Boot's own mail condition also matches an empty host, our default, so it cannot tell SMTP from the dev mailbox.
 */
public final class SmtpConfigured {

    private SmtpConfigured() {
    }

    public static boolean in(Environment environment) {
        return StringUtils.hasText(environment.getProperty("spring.mail.host"));
    }
}
