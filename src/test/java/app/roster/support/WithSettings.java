package app.roster.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The marked class's tests run in the shared application as if it had been started for them: with these
 * settings ({@code "key=value"}, as in {@code @TestPropertySource}) and with no rate-limit bucket used yet.
 * Both are undone after the class, so it starts no application context of its own (each costs seconds).
 *
 * <p>It binds the module's settings record again with the values and hands the new record to every bean
 * (and security filter) holding the old one ({@link SettingsSwap}). That covers the settings the application
 * reads while it runs: limits, switches, validities. A setting read once at startup (cookie names, Tomcat's
 * limits, the session's absolute timeout, schedules) still needs {@code @TestPropertySource}, and a context of
 * its own; a key no settings record owns fails the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(WithSettings.Switch.class)
public @interface WithSettings {

    /** The settings, each {@code "roster.some-module.some-setting=value"}. */
    String[] value();

    final class Switch implements BeforeAllCallback, AfterAllCallback {

        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Switch.class);

        @Override
        public void beforeAll(ExtensionContext context) {
            ApplicationContext application = SpringExtension.getApplicationContext(context);
            WithSettings settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithSettings.class)
                    .orElseThrow();
            freshRateLimits(application);
            context.getStore(NAMESPACE).put(SettingsSwap.class, SettingsSwap.apply(application, parse(settings.value())));
        }

        @Override
        public void afterAll(ExtensionContext context) {
            SettingsSwap swap = context.getStore(NAMESPACE).remove(SettingsSwap.class, SettingsSwap.class);
            if (swap != null) {
                swap.undo();
            }
            freshRateLimits(SpringExtension.getApplicationContext(context));
        }

        /** A fresh application's database has none: every test of the suite comes from 127.0.0.1. */
        private static void freshRateLimits(ApplicationContext application) {
            application.getBean(JdbcClient.class).sql("DELETE FROM rate_limits").update();
        }

        private static Map<String, String> parse(String[] pairs) {
            Map<String, String> properties = new LinkedHashMap<>();
            for (String pair : pairs) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("@WithSettings takes key=value, not: " + pair);
                }
                properties.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
            return properties;
        }
    }
}
