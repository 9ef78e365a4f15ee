package app.roster.invitation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param validity           how long a link works (rule 5: 7 days)
 * @param maxPerAccountHour  invitations sent or resent per account per hour
 * @param maxPerInviterHour  invitations sent or resent per inviter per hour
 */
@ConfigurationProperties("roster.invitations")
public record InvitationSettings(@DefaultValue("7d") Duration validity, @DefaultValue("50") int maxPerAccountHour,
        @DefaultValue("20") int maxPerInviterHour) {
}
