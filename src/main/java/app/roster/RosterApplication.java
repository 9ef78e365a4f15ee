package app.roster;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RosterApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RosterApplication.class);
        Integer steps = Integer.getInteger("roster.startup.steps");
        var recorder = steps == null ? null : StartupSteps.recorder();
        if (recorder != null) {
            application.setApplicationStartup(recorder);
        }
        application.run(args);
        if (recorder != null) {
            StartupSteps.print(recorder, steps);
        }
    }

    /** One clock for every rule with a time in it, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
