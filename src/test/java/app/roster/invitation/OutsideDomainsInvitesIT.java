package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.Actor;
import app.roster.account.AllowedDomains;
import app.roster.account.RestrictDomains;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A restriction set after invitations went out: the pending ones outside it are marked. */
@IntegrationTest
class OutsideDomainsInvitesIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    RestrictDomains restrictDomains;

    @Test
    void pendingInvitesOutsideALaterRestrictionAreMarkedOnUserManagement() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        String outside = "ext-" + UUID.randomUUID() + "@gmail.test";
        String inside = Registrations.uniqueEmail("inside");
        long outsideId = sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(outside), Set.of("invoices"),
                Language.EN);
        long insideId = sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(inside), Set.of("invoices"),
                Language.EN);
        Visitor visitor = new Visitor(port);
        visitor.login(owner.email(), owner.password());
        assertThat(visitor.get("/users").html().select(".outside-domains")).as("no restriction yet").isEmpty();

        restrictDomains.restrict(registrations.ownerOf(account), account, AllowedDomains.parse("example.com"));

        Visitor.Page users = visitor.get("/users");
        Element outsideRow = users.html().selectFirst("tr[data-invitation-id=" + outsideId + "]");
        Element insideRow = users.html().selectFirst("tr[data-invitation-id=" + insideId + "]");
        assertThat(outsideRow.select(".outside-domains").text())
                .isEqualTo("Outside the allowed domains — will be refused");
        assertThat(insideRow.select(".outside-domains")).isEmpty();
    }
}
