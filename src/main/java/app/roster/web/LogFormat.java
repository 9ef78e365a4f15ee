package app.roster.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code ROSTER_LOG_FORMAT} ({@code roster.log-format}): {@code text} (the default), {@code json} or {@code ecs}
 * (Elastic Common Schema JSON lines), {@code logstash}. Turned into Spring Boot's structured console logging before
 * the logging system starts; an explicit {@code logging.structured.format.console} wins. An unknown value stops the
 * start rather than logging in a format nobody asked for.
 */
class LogFormat implements EnvironmentPostProcessor, Ordered {

    static final String SETTING = "roster.log-format";
    static final String CONSOLE = "logging.structured.format.console";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = structured(environment.getProperty(SETTING, "text"));
        if (format != null && !environment.containsProperty(CONSOLE)) {
            environment.getPropertySources().addFirst(new MapPropertySource("rosterLogFormat", Map.of(CONSOLE, format)));
        }
    }

    /** The structured format of Spring Boot for the setting, or null for plain text lines. */
    static String structured(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "", "text", "plain" -> null;
            case "json", "ecs" -> "ecs";
            case "logstash" -> "logstash";
            default -> throw new IllegalArgumentException(
                    "ROSTER_LOG_FORMAT must be text, json, ecs or logstash, not: " + setting);
        };
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
