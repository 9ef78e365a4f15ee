package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.AccountAccess;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole invitation loop over HTTP and real SMTP: the link is taken from the email that arrived. */
@IntegrationTest
class InvitationByEmailIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    AccountAccess access;

    @Test
    void theOwnerInvitesTheLinkArrivesInTheInviteesLanguageAndAcceptingNotifiesTheInviter() {
        Person owner = registrations.registerVerified("Olga");
        Person invitee = registrations.registerVerified("Ida");
        long account = registrations.accountOf(owner);
        String invitedAddress = Registrations.uniqueEmail("ida-work");
        Visitor olga = new Visitor(port);
        olga.login(owner.email(), owner.password());
        olga.get("/users/invite");

        Visitor.Page sent = olga.post("/users/invite", List.of(Map.entry("email", invitedAddress),
                Map.entry("language", "de"), Map.entry("mode", "choose"), Map.entry("permissions", "invoices"),
                Map.entry("_permissions", "on")));

        assertThat(sent.status()).isEqualTo(302);
        MimeMessage email = Mailbox.shared().awaitMessage(invitedAddress, 1);
        assertThat(Mailbox.subject(email)).contains("eingeladen");
        String link = Mailbox.link(email, "/invitations/accept");

        Visitor ida = new Visitor(port);
        ida.get(link);
        ida.login(invitee.email(), invitee.password());
        Visitor.Page page = ida.get("/invitations/accept");
        assertThat(page.text()).contains("Olga Tester");
        Visitor.Page accepted = ida.post("/invitations/accept", Map.of());

        assertThat(accepted.status()).isEqualTo(302);
        assertThat(access.may(invitee.id(), account, "invoices")).isTrue();
        assertThat(access.may(invitee.id(), account, "profile")).isFalse();
        MimeMessage notice = Mailbox.shared().awaitSubject(owner.email(), "accepted");
        assertThat(Mailbox.text(notice)).contains(invitee.email());
    }
}
