package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** roster.invitations counts each step once it committed; roster.invitations.refused names the stage and reason. */
@IntegrationTest
@RecordApplicationEvents
class InvitationMetersIT {

    @Autowired
    Registrations registrations;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    ResendInvitation resendInvitation;
    @Autowired
    CancelInvitation cancelInvitation;
    @Autowired
    AcceptInvitation acceptInvitation;
    @Autowired
    ExpireInvitations expireInvitations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    MeterRegistry meters;

    @Test
    void sentResentAcceptedAndCancelledAreCountedOnceEach() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        Actor olga = new Actor.Member(owner.id(), account);
        double sent = count("sent");
        double resent = count("resent");
        double accepted = count("accepted");
        double cancelled = count("cancelled");

        long first = sendInvitation.send(olga, account, EmailAddress.of(Registrations.uniqueEmail("a")), Set.of(),
                Language.EN);
        resendInvitation.resend(olga, account, first);
        Person invitee = registrations.register("Ines");
        acceptInvitation.accept(new Actor.User(invitee.id(), invitee.email()), lastToken());
        String twice = Registrations.uniqueEmail("b");
        long second = sendInvitation.send(olga, account, EmailAddress.of(twice), Set.of(), Language.EN);
        Counter pendingBefore = meters.find("roster.invitations.refused").tags("stage", "send", "reason", "pending")
                .counter();
        double pending = pendingBefore == null ? 0 : pendingBefore.count();
        boolean refused = false;
        try {
            sendInvitation.send(olga, account, EmailAddress.of(twice), Set.of(), Language.EN);
        } catch (Refusal e) {
            refused = true;
        }
        cancelInvitation.cancel(olga, account, second);

        assertThat(refused).as("already invited").isTrue();
        assertThat(meters.get("roster.invitations.refused").tags("stage", "send", "reason", "pending").counter()
                .count() - pending).isEqualTo(1);
        assertThat(count("sent") - sent).as("the refused one is not").isEqualTo(2);
        assertThat(count("resent") - resent).isEqualTo(1);
        assertThat(count("accepted") - accepted).isEqualTo(1);
        assertThat(count("cancelled") - cancelled).isEqualTo(1);
    }

    @Test
    void anExpiredInvitationIsCountedAndSoIsTheRefusedAcceptanceWithItsReason() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        long id = sendInvitation.send(new Actor.Member(owner.id(), account), account,
                EmailAddress.of(Registrations.uniqueEmail("e")), Set.of(), Language.EN);
        String token = lastToken();
        jdbc.sql("UPDATE invitations SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), id).update();
        double expired = count("expired");
        Counter refusedBefore = meters.find("roster.invitations.refused").tags("stage", "accept", "reason", "expired")
                .counter();
        double refused = refusedBefore == null ? 0 : refusedBefore.count();

        expireInvitations.run();
        Person late = registrations.register("Late");
        acceptInvitation.accept(new Actor.User(late.id(), late.email()), token);

        assertThat(count("expired") - expired).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("roster.invitations.refused").tags("stage", "accept", "reason", "expired")
                .counter().count() - refused)
                .isEqualTo(1);
    }

    private double count(String event) {
        return meters.get("roster.invitations").tag("event", event).counter().count();
    }

    private String lastToken() {
        String link = events.stream(InvitationEvents.InvitationEmailRequested.class).reduce((a, b) -> b).orElseThrow()
                .link();
        return link.substring(link.indexOf("token=") + 6);
    }
}
