package app.roster.mail;

import static app.roster.mail.MailDeliveryTest.htmlPart;
import static app.roster.mail.MailDeliveryTest.textPart;
import static app.roster.mail.MailDeliveryTest.unique;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.invitation.InvitationEvents.InvitationEmailRequested;
import app.roster.invitation.InvitationEvents.InviterNotified;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Invitation events become emails in GreenMail: the invitee's link and expiry, the inviter's notice. */
@IntegrationTest
class InvitationEmailsTest {

    private static final Instant EXPIRY = LocalDateTime.of(2031, 3, 14, 15, 9).toInstant(ZoneOffset.UTC);
    private static final Duration VALIDITY = Duration.ofDays(7);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;

    private final Mailbox mailbox = Mailbox.shared();

    @Test
    void theInviteeGetsTheLinkTheInviterAndTheExactExpiry() throws Exception {
        String to = unique();
        String link = acceptLink();
        publish(new InvitationEmailRequested(41, to, Locale.ENGLISH, "Nordwind Hosting", "Olga Tester", link, EXPIRY, VALIDITY));

        MimeMessage message = mailbox.awaitMessage(to, 1);

        assertThat(Mailbox.subject(message)).isEqualTo("You have been invited to Nordwind Hosting");
        assertThat(Mailbox.link(message, "/invitations/accept")).isEqualTo(link);
        assertThat(textPart(message)).contains("Olga Tester has given you access to the Nordwind Hosting account.",
                "valid for 7 days, until March 14, 2031", "3:09", "UTC", "nothing happens unless you accept it", link)
                .doesNotContain("??");
        assertThat(htmlPart(message)).contains("href=\"" + link + "\"", "lang=\"en\"").doesNotContain("??");
    }

    @Test
    void aValidityOfPartDaysIsSaidInHours() throws Exception {
        String to = unique();
        publish(new InvitationEmailRequested(46, to, Locale.ENGLISH, "Acme", "Olga", acceptLink(), EXPIRY,
                Duration.ofHours(36)));

        assertThat(textPart(mailbox.awaitMessage(to, 1))).contains("valid for 36 hours, until March 14, 2031");
    }

    @Test
    void theInviteeReadsItInTheLanguageOfTheInvitation() throws Exception {
        String french = unique();
        String german = unique();
        publish(new InvitationEmailRequested(42, french, Locale.FRENCH, "Acmé", "Support Staff", acceptLink(), EXPIRY, VALIDITY));
        publish(new InvitationEmailRequested(43, german, Locale.GERMAN, "Acme", "Support Staff", acceptLink(), EXPIRY, VALIDITY));

        MimeMessage fr = mailbox.awaitMessage(french, 1);
        MimeMessage de = mailbox.awaitMessage(german, 1);

        assertThat(Mailbox.subject(fr)).isEqualTo("Vous avez été invité à rejoindre Acmé");
        assertThat(textPart(fr)).contains("Support Staff vous a donné accès au compte Acmé.",
                "valable 7 jours, jusqu’au 14 mars 2031", "15:09 UTC", "rien ne se passe").doesNotContain("??", "'");
        assertThat(htmlPart(fr)).contains("lang=\"fr\"");
        assertThat(Mailbox.subject(de)).isEqualTo("Sie wurden zu Acme eingeladen");
        assertThat(textPart(de)).contains("Support Staff hat Ihnen Zugriff auf das Konto Acme gegeben.",
                "7 Tage lang gültig, bis 14. März 2031, 15:09 UTC").doesNotContain("??");
    }

    @Test
    void theInviterIsToldWhoAcceptedAtTheirStoredAddressInTheirLanguage() throws Exception {
        Person inviter = registrations.registerVerified("Olga");
        jdbc.sql("UPDATE users SET language = 'de' WHERE id = ?").param(inviter.id()).update();

        publish(new InviterNotified(inviter.id(), "Nordwind", "Max Muster", "max@example.org"));

        MimeMessage message = mailbox.awaitSubject(inviter.email(), "Nordwind");
        assertThat(Mailbox.subject(message)).isEqualTo("Max Muster hat Ihre Einladung zu Nordwind angenommen");
        assertThat(textPart(message)).startsWith("Hallo Olga,")
                .contains("Max Muster (max@example.org) hat Ihre Einladung zu Nordwind angenommen.")
                .doesNotContain("??");
    }

    @Test
    void aRolledBackInvitationSendsNothing() {
        String rolledBack = unique();
        String committed = unique();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new InvitationEmailRequested(44, rolledBack, Locale.ENGLISH, "Acme", "Olga",
                    acceptLink(), EXPIRY, VALIDITY));
            status.setRollbackOnly();
        });
        publish(new InvitationEmailRequested(45, committed, Locale.ENGLISH, "Acme", "Olga", acceptLink(), EXPIRY, VALIDITY));

        mailbox.awaitMessage(committed, 1);

        assertThat(mailbox.messagesTo(rolledBack)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(rolledBack)
                .query(Integer.class).single()).isZero();
    }

    private static String acceptLink() {
        return "http://localhost:8080/invitations/accept?token=" + UUID.randomUUID();
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }
}
