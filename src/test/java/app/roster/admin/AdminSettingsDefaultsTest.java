package app.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.staff.AdminSettings;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** The shipped configuration, with no environment variable set, as a fresh installation starts. */
class AdminSettingsDefaultsTest {

    @Test
    void staffTwoFactorIsRequiredByDefault() throws IOException {
        MockEnvironment environment = new MockEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }

        AdminSettings settings = new Binder(ConfigurationPropertySources.get(environment),
                new org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver(environment))
                .bind("roster.admin", AdminSettings.class).get();

        assertThat(settings.requireTwoFactor()).isTrue();
    }

    @Test
    void withoutAnyConfigurationTheRecordDefaultsToRequiredToo() {
        MockEnvironment environment = new MockEnvironment().withProperty("roster.admin.email", "");

        AdminSettings settings = Binder.get(environment).bind("roster.admin", AdminSettings.class).get();

        assertThat(settings.requireTwoFactor()).isTrue();
    }
}
