package app.roster.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The user module's settings: password policy, link validity and sign-ups. */
@ConfigurationProperties("roster")
public record UserSettings(@DefaultValue Password password, @DefaultValue Tokens tokens,
        @DefaultValue Registrations registrations) {

    /** @param minScore the lowest zxcvbn score (0–4) accepted */
    public record Password(@DefaultValue("12") int minLength, @DefaultValue("256") int maxLength,
            @DefaultValue("2") int minScore) {
    }

    public record Tokens(@DefaultValue("48h") Duration verificationValidity, @DefaultValue("1h") Duration resetValidity) {
    }

    /** @param perIpHour sign-ups one client IP may make within an hour: each mails an address it chose */
    public record Registrations(@DefaultValue("10") int perIpHour) {
    }
}
