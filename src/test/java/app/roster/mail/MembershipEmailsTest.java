package app.roster.mail;

import static app.roster.mail.MailDeliveryTest.htmlPart;
import static app.roster.mail.MailDeliveryTest.textPart;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.membership.MembershipEvents.MemberLeft;
import app.roster.membership.MembershipEvents.MemberRemoved;
import app.roster.membership.MembershipEvents.OwnershipTransferred;
import app.roster.membership.MembershipEvents.PermissionsChanged;
import app.roster.shared.Actor;
import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Membership events become emails to the affected users, in their language, through the outbox. */
@IntegrationTest
class MembershipEmailsTest {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;
    @Value("${roster.base-url}")
    String baseUrl;

    private static final Actor STAFF = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada", "ada@example.com");

    private final Mailbox mailbox = Mailbox.shared();

    Person owner;
    Person member;
    long account;
    String accountName;

    @BeforeEach
    void anAccountWithAMember() {
        owner = registrations.registerVerified("Olga");
        member = registrations.registerVerified("Amelie");
        // Addresses are ASCII, names need not be: the emails must carry the accent intact.
        jdbc.sql("UPDATE users SET first_name = 'Amélie' WHERE id = ?").param(member.id()).update();
        account = registrations.accountOf(owner);
        accountName = "Nordwind Hosting " + account;
        jdbc.sql("UPDATE accounts SET name = ? WHERE id = ?").params(accountName, account).update();
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'tickets', ?)")
                .params(account, member.id(), Timestamp.from(Instant.now())).update();
    }

    @Test
    void changedPermissionsAreListedByTheirFrenchLabelsWithALinkToTheClientArea() throws Exception {
        speaks(member, "fr");
        publish(new PermissionsChanged(account, accountName, member.id(), Set.of("tickets"),
                Set.of("invoices", "domains"), byOwner()));

        MimeMessage message = mailbox.awaitSubject(member.email(), "Vos autorisations dans " + accountName);

        assertThat(Mailbox.subject(message)).isEqualTo("Vos autorisations dans " + accountName + " ont changé");
        assertThat(textPart(message)).startsWith("Bonjour Amélie,")
                .contains("Voir les domaines", "Voir et payer les factures")
                .doesNotContain("tickets", "Voir et ouvrir des tickets", "??");
        assertThat(htmlPart(message)).contains("lang=\"fr\"", "<li>Voir les domaines</li>").doesNotContain("??");
        assertThat(Mailbox.link(message, baseUrl)).isEqualTo(baseUrl + "/");
    }

    @Test
    void losingEveryPermissionSaysSoInGerman() throws Exception {
        speaks(member, "de");
        publish(new PermissionsChanged(account, accountName, member.id(), Set.of("tickets"), Set.of(), byOwner()));

        MimeMessage message = mailbox.awaitSubject(member.email(), "Ihre Berechtigungen für " + accountName);

        assertThat(textPart(message)).startsWith("Hallo Amélie,").contains("keine Berechtigungen mehr")
                .doesNotContain("Ab sofort dürfen Sie", "??");
    }

    @Test
    void aRemovedMemberIsToldWhomToContactInGerman() throws Exception {
        speaks(member, "de");
        publish(new MemberRemoved(account, accountName, member.id(), Set.of("tickets"), byOwner()));

        MimeMessage message = mailbox.awaitSubject(member.email(), accountName);

        assertThat(Mailbox.subject(message)).isEqualTo("Sie haben keinen Zugriff mehr auf " + accountName);
        assertThat(textPart(message)).contains("Inhaber von " + accountName).doesNotContain("??");
        assertThat(htmlPart(message)).contains("lang=\"de\"");
    }

    @Test
    void staffMakingAnOwnerTellsTheNewOwnerAndTheFormerOne() throws Exception {
        publish(new OwnershipTransferred(account, accountName, owner.id(), member.id(), STAFF));

        MimeMessage received = mailbox.awaitSubject(member.email(), "You are now the owner of " + accountName);
        MimeMessage moved = mailbox.awaitSubject(owner.email(), accountName + " has a new owner");

        assertThat(textPart(received)).contains("Our staff made you the owner", "hold every permission")
                .doesNotContain("??");
        assertThat(Mailbox.link(received, baseUrl)).isEqualTo(baseUrl + "/");
        assertThat(textPart(moved)).contains("Our staff made Amélie Tester the owner of the account " + accountName,
                "keep your access").doesNotContain("??");
    }

    @Test
    void anOwnerHandingOverNamesThemselvesAndGetsNoNoticeOfTheirOwnDoing() throws Exception {
        speaks(member, "fr");
        publish(new OwnershipTransferred(account, accountName, owner.id(), member.id(), byOwner()));

        MimeMessage received = mailbox.awaitSubject(member.email(), "Vous êtes désormais propriétaire de " + accountName);

        assertThat(textPart(received)).contains("Olga Tester vous a transféré la propriété du compte " + accountName);
        assertThat(queuedFor(owner.email(), "%new owner%")).isZero();
    }

    @Test
    void leavingSendsNoEmail() {
        int before = queuedFor(member.email(), "%");

        publish(new MemberLeft(account, member.id(), Set.of("tickets"),
                new Actor.Member(member.id(), account)));

        assertThat(queuedFor(member.email(), "%")).isEqualTo(before);
        assertThat(queuedFor(owner.email(), "%" + accountName + "%")).isZero();
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        transactions.executeWithoutResult(status -> {
            events.publishEvent(new PermissionsChanged(account, accountName, member.id(), Set.of(), Set.of("quotes"),
                    byOwner()));
            status.setRollbackOnly();
        });
        publish(new MemberRemoved(account, accountName, member.id(), Set.of("tickets"), byOwner()));

        mailbox.awaitSubject(member.email(), "You no longer have access to " + accountName);

        assertThat(queuedFor(member.email(), "%permissions%")).isZero();
        assertThat(mailbox.messagesTo(member.email())).noneMatch(m -> Mailbox.subject(m).contains("permissions"));
    }

    private void speaks(Person person, String language) {
        jdbc.sql("UPDATE users SET language = ? WHERE id = ?").params(language, person.id()).update();
    }

    private int queuedFor(String recipient, String subjectPattern) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND subject LIKE ?")
                .params(recipient, subjectPattern).query(Integer.class).single();
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private Actor byOwner() {
        return new Actor.Member(owner.id(), account);
    }
}
