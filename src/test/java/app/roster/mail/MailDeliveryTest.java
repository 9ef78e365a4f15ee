package app.roster.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.user.EmailChanged;
import app.roster.user.EmailVerificationRequested;
import app.roster.user.PasswordChanged;
import app.roster.user.PasswordResetRequested;
import app.roster.user.RegistrationAttemptedForExistingEmail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The user module's events become real emails in GreenMail, in the recipient's language, with working links. */
@IntegrationTest
class MailDeliveryTest {

    private static final Instant EXPIRY = LocalDateTime.of(2031, 3, 14, 15, 9).toInstant(ZoneOffset.UTC);

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final Mailbox mailbox = Mailbox.shared();

    @Test
    void verificationEmailArrivesInGermanWithItsLinkAndExpiry() throws Exception {
        String to = unique();
        String link = "http://localhost:8080/verify-email?token=" + UUID.randomUUID();
        publish(new EmailVerificationRequested(1, to, "Jürgen", Locale.GERMAN, link, EXPIRY));

        MimeMessage message = mailbox.awaitMessage(to, 1);

        assertThat(Mailbox.subject(message)).isEqualTo("Bestätigen Sie Ihre E-Mail-Adresse für Roster");
        assertThat(Mailbox.link(message, "/verify-email")).isEqualTo(link);
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        assertThat(message.getFrom()[0].toString()).contains("no-reply@localhost");
        String text = textPart(message);
        assertThat(text).contains("Hallo Jürgen,", "gültig bis 14. März 2031, 15:09 UTC").doesNotContain("??");
        assertThat(htmlPart(message)).contains("href=\"" + link + "\"", "lang=\"de\"").doesNotContain("??");
    }

    @Test
    void aNewStaffMemberReceivesTheSetPasswordLink() {
        String to = unique();
        String link = "http://localhost:8080/admin/setup-password?token=" + UUID.randomUUID();
        publish(new app.roster.staff.StaffPasswordSetupRequested(9, to, "Sam", link, EXPIRY));

        MimeMessage message = mailbox.awaitMessage(to, 1);

        assertThat(Mailbox.subject(message)).isEqualTo("Your Roster Admin Area login");
        assertThat(Mailbox.link(message, "/admin/setup-password")).isEqualTo(link);
        assertThat(Mailbox.text(message)).doesNotContain("??");
    }

    @Test
    void everyUserEmailRendersInFrenchWithItsLinks() throws Exception {
        String reset = unique();
        publish(new PasswordResetRequested(2, reset, "Amélie", Locale.FRENCH,
                "http://localhost:8080/password/reset?token=abc", EXPIRY));
        String changed = unique();
        publish(new PasswordChanged(3, changed, "Amélie", Locale.FRENCH, true));
        String oldAddress = unique();
        publish(new EmailChanged(4, oldAddress, "nouvelle@example.com", "Amélie", Locale.FRENCH, null));
        String taken = unique();
        publish(new RegistrationAttemptedForExistingEmail(5, taken, "Amélie", Locale.FRENCH,
                "http://localhost:8080/login", "http://localhost:8080/password/forgot"));

        MimeMessage resetMail = mailbox.awaitMessage(reset, 1);
        assertThat(Mailbox.subject(resetMail)).isEqualTo("Réinitialisez votre mot de passe Roster");
        assertThat(Mailbox.link(resetMail, "/password/reset")).endsWith("token=abc");
        assertThat(textPart(resetMail)).contains("ignorez cet e-mail", "2031");

        MimeMessage changedMail = mailbox.awaitMessage(changed, 1);
        assertThat(Mailbox.subject(changedMail)).contains("mot de passe", "modifié");
        assertThat(textPart(changedMail)).contains("réinitialisé").doesNotContain("depuis votre profil");

        MimeMessage emailChangedMail = mailbox.awaitMessage(oldAddress, 1);
        assertThat(Mailbox.subject(emailChangedMail)).contains("adresse e-mail", "modifiée");
        assertThat(textPart(emailChangedMail)).contains("n***@example.com").doesNotContain("nouvelle@");

        MimeMessage takenMail = mailbox.awaitMessage(taken, 1);
        assertThat(Mailbox.subject(takenMail)).contains("tenté de s’inscrire");
        assertThat(Mailbox.link(takenMail, "/login")).isEqualTo("http://localhost:8080/login");
        assertThat(Mailbox.link(takenMail, "/password/forgot")).isEqualTo("http://localhost:8080/password/forgot");

        for (MimeMessage message : new MimeMessage[] {resetMail, changedMail, emailChangedMail, takenMail}) {
            assertThat(textPart(message)).startsWith("Bonjour Amélie,").doesNotContain("??");
            assertThat(htmlPart(message)).contains("lang=\"fr\"").doesNotContain("??");
        }
    }

    @Test
    void passwordChangedByTheUserSaysSoInEnglish() throws Exception {
        String to = unique();
        publish(new PasswordChanged(6, to, "Ann", Locale.ENGLISH, false));

        MimeMessage message = mailbox.awaitMessage(to, 1);

        assertThat(Mailbox.subject(message)).isEqualTo("Your Roster password was changed");
        assertThat(textPart(message)).contains("changed from your profile").doesNotContain("reset with a link");
    }

    @Test
    void aUserWithoutFirstNameIsGreetedWithoutOne() throws Exception {
        String to = unique();
        publish(new PasswordChanged(9, to, null, Locale.GERMAN, false));

        MimeMessage message = mailbox.awaitMessage(to, 1);

        assertThat(textPart(message)).startsWith("Hallo,").doesNotContain("null", "Hallo ,");
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        String to = unique();
        transactions.executeWithoutResult(status -> {
            events.publishEvent(verification(to, "rolled-back"));
            status.setRollbackOnly();
        });
        publish(verification(to, "committed"));

        MimeMessage message = mailbox.awaitMessage(to, 1);

        assertThat(Mailbox.link(message, "/verify-email")).endsWith("token=committed");
        assertThat(mailbox.messagesTo(to)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(to).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void queuingOutsideATransactionIsRefused() {
        String to = unique();

        assertThatThrownBy(() -> events.publishEvent(verification(to, "no-transaction")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ?").param(to).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aDeliveredMessageIsMarkedSent() {
        String to = unique();
        publish(verification(to, "sent"));
        mailbox.awaitMessage(to, 1);

        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT state FROM outbox WHERE recipient = ? AND sent_at IS NOT NULL AND claimed_until IS NULL")
                .param(to).query(String.class).optional()).contains("SENT"));
    }

    @Test
    void theDevMailboxDoesNotExistWhenSmtpIsConfigured() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/dev/mailbox")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static EmailVerificationRequested verification(String to, String token) {
        return new EmailVerificationRequested(7, to, "Ann", Locale.ENGLISH,
                "http://localhost:8080/verify-email?token=" + token, EXPIRY);
    }

    static String unique() {
        return "mail-" + UUID.randomUUID() + "@example.com";
    }

    static String textPart(MimeMessage message) throws Exception {
        return part(message, 0);
    }

    static String htmlPart(MimeMessage message) throws Exception {
        return part(message, 1);
    }

    private static String part(MimeMessage message, int index) throws Exception {
        var multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
        return (String) multipart.getBodyPart(index).getContent();
    }
}
