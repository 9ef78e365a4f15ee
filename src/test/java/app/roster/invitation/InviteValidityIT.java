package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The invite page says how long the link works from the setting, as the email does: 36 hours, not 7 days. */
@IntegrationTest
@WithSettings("roster.invitations.validity=36h")
class InviteValidityIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;

    @Test
    void theInvitePageGivesTheValidityOfTheSetting() {
        Person owner = registrations.registerVerified("Vera");
        Visitor vera = new Visitor(port);
        vera.login(owner.email(), owner.password());

        assertThat(vera.get("/users/invite").text()).contains("a link that is valid for 36 hours")
                .doesNotContain("7 days");
    }
}
