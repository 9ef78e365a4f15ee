package app.roster.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.account.AccountProfile;
import app.roster.account.AllowedDomains;
import app.roster.account.RestrictDomains;
import app.roster.account.UpdateAccountProfile;
import app.roster.admin.AssociateUser;
import app.roster.contact.AddContact;
import app.roster.contact.Category;
import app.roster.contact.ChangeContact;
import app.roster.contact.ContactDetails;
import app.roster.contact.DeleteContact;
import app.roster.contact.ResendConfirmation;
import app.roster.invitation.CancelInvitation;
import app.roster.invitation.EditInvitation;
import app.roster.invitation.ResendInvitation;
import app.roster.invitation.SendInvitation;
import app.roster.membership.ChangePermissions;
import app.roster.membership.LeaveAccount;
import app.roster.membership.RemoveMember;
import app.roster.membership.TransferOwnership;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.webhook.DisableWebhookEndpoint;
import app.roster.webhook.EnableWebhookEndpoint;
import app.roster.webhook.RedeliverWebhook;
import app.roster.webhook.RedeliverWebhooksSince;
import app.roster.webhook.RegisterWebhookEndpoint;
import app.roster.webhook.RotateWebhookSecret;
import app.roster.webhook.SendTestWebhook;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every Client Area and Admin Area change is refused by its use case itself, called as a bean without HTTP and
 * without any controller: a user lacking the permission in their own account (403), any id of another account
 * (404, rule 4), and Support staff for what only Administrators change (403). Nothing is stored, audited or
 * emailed. The data is made once: a refusal changes nothing, and the snapshot proves it after each case.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UseCaseRefusalsIT {

    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChangePermissions changePermissions;
    @Autowired
    RemoveMember removeMember;
    @Autowired
    TransferOwnership transferOwnership;
    @Autowired
    LeaveAccount leaveAccount;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    ResendInvitation resendInvitation;
    @Autowired
    CancelInvitation cancelInvitation;
    @Autowired
    EditInvitation editInvitation;
    @Autowired
    AddContact addContact;
    @Autowired
    ChangeContact changeContact;
    @Autowired
    DeleteContact deleteContact;
    @Autowired
    ResendConfirmation resendConfirmation;
    @Autowired
    UpdateAccountProfile updateProfile;
    @Autowired
    RestrictDomains restrictDomains;
    @Autowired
    AssociateUser associateUser;
    @Autowired
    RegisterWebhookEndpoint registerEndpoint;
    @Autowired
    RotateWebhookSecret rotateSecret;
    @Autowired
    DisableWebhookEndpoint disableEndpoint;
    @Autowired
    EnableWebhookEndpoint enableEndpoint;
    @Autowired
    SendTestWebhook sendTest;
    @Autowired
    RedeliverWebhook redeliver;
    @Autowired
    RedeliverWebhooksSince redeliverSince;

    long a;
    long b;
    /** The owner of A, acting in A. */
    Actor owner;
    /** A user of A with {@code invoices} only: no {@code users}, {@code contacts} nor {@code profile}. */
    Actor plain;
    Person plainPerson;
    Actor support = new Actor.Staff(Long.MAX_VALUE, Actor.Staff.Role.SUPPORT, "Sue Port", "sue@example.com");
    long colleague;
    long invitationA;
    long contactA;
    long memberB;
    long invitationB;
    long contactB;
    /** A disabled webhook endpoint, for the Administrators-only webhook actions. */
    long endpoint;

    @BeforeAll
    void twoAccounts() {
        Person olga = registrations.registerVerified("Olga");
        a = registrations.accountOf(olga);
        owner = new Actor.Member(olga.id(), a);
        plainPerson = registrations.registerVerified("Piet");
        join(a, plainPerson, "invoices");
        plain = new Actor.Member(plainPerson.id(), a);
        Person tess = registrations.registerVerified("Tess");
        join(a, tess, "invoices");
        colleague = tess.id();
        invitationA = sendInvitation.send(owner, a, EmailAddress.of(Registrations.uniqueEmail("inv-a")),
                Set.of("invoices"), Language.EN);
        contactA = addContact.add(owner, a, details("cora"), Locale.ENGLISH);

        Person otto = registrations.registerVerified("Otto");
        b = registrations.accountOf(otto);
        Actor ownerB = new Actor.Member(otto.id(), b);
        Person bea = registrations.registerVerified("Bea");
        join(b, bea, "invoices");
        memberB = bea.id();
        invitationB = sendInvitation.send(ownerB, b, EmailAddress.of(Registrations.uniqueEmail("inv-b")),
                Set.of("invoices"), Language.EN);
        contactB = addContact.add(ownerB, b, details("bert"), Locale.ENGLISH);

        Actor administrator = new Actor.Staff(Long.MAX_VALUE - 1, Actor.Staff.Role.ADMINISTRATOR, "Ada Min",
                "ada@example.com");
        endpoint = registerEndpoint.register(administrator, new RegisterWebhookEndpoint.NewEndpoint(
                "https://93.184.216.34/hooks", "Refusals", Set.of("contact.unsubscribed"))).endpointId();
        disableEndpoint.disable(administrator, endpoint);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // a user without the permission, in their own account: 403
                forbidden("change permissions without users", t -> t.changePermissions.change(t.plain, t.a,
                        t.colleague, Set.of(), 0)),
                forbidden("remove a user without users", t -> t.removeMember.remove(t.plain, t.a, t.colleague)),
                forbidden("transfer ownership as a non-owner", t -> t.transferOwnership.transfer(t.plain, t.a,
                        t.colleague, Registrations.PASSWORD)),
                forbidden("invite without users", t -> t.sendInvitation.send(t.plain, t.a,
                        EmailAddress.of(Registrations.uniqueEmail("x")), Set.of(), Language.EN)),
                forbidden("resend an invitation without users", t -> t.resendInvitation.resend(t.plain, t.a,
                        t.invitationA)),
                forbidden("cancel an invitation without users", t -> t.cancelInvitation.cancel(t.plain, t.a,
                        t.invitationA)),
                forbidden("edit an invitation without users", t -> t.editInvitation.edit(t.plain, t.a,
                        t.invitationA, Set.of(), 0)),
                forbidden("add a contact without contacts", t -> t.addContact.add(t.plain, t.a, details("x"),
                        Locale.ENGLISH)),
                forbidden("change a contact without contacts", t -> t.changeContact.change(t.plain, t.a,
                        t.contactA, details("x"), Locale.ENGLISH)),
                forbidden("delete a contact without contacts", t -> t.deleteContact.delete(t.plain, t.a,
                        t.contactA)),
                forbidden("resend a confirmation without contacts", t -> t.resendConfirmation.resend(t.plain, t.a,
                        t.contactA, Locale.ENGLISH)),
                forbidden("update the profile without profile", t -> t.updateProfile.update(t.plain, t.a,
                        AccountProfile.named("Taken Over"))),
                forbidden("restrict domains as a non-owner", t -> t.restrictDomains.restrict(t.plain, t.a,
                        AllowedDomains.parse("example.com"))),
                forbidden("leave as the owner", t -> t.leaveAccount.leave(t.owner, t.a)),

                // the owner of A, with an id of account B: 404, exactly like a missing id
                notFound("change permissions of B's user", t -> t.changePermissions.change(t.owner, t.a,
                        t.memberB, Set.of(), 0)),
                notFound("remove B's user", t -> t.removeMember.remove(t.owner, t.a, t.memberB)),
                notFound("hand ownership to B's user", t -> t.transferOwnership.transfer(t.owner, t.a, t.memberB,
                        Registrations.PASSWORD)),
                notFound("resend B's invitation", t -> t.resendInvitation.resend(t.owner, t.a, t.invitationB)),
                notFound("cancel B's invitation", t -> t.cancelInvitation.cancel(t.owner, t.a, t.invitationB)),
                notFound("edit B's invitation", t -> t.editInvitation.edit(t.owner, t.a, t.invitationB, Set.of(),
                        0)),
                notFound("change B's contact", t -> t.changeContact.change(t.owner, t.a, t.contactB,
                        details("x"), Locale.ENGLISH)),
                notFound("delete B's contact", t -> t.deleteContact.delete(t.owner, t.a, t.contactB)),
                notFound("resend B's contact confirmation", t -> t.resendConfirmation.resend(t.owner, t.a,
                        t.contactB, Locale.ENGLISH)),
                // ... or naming account B itself while acting in A
                notFound("invite into B", t -> t.sendInvitation.send(t.owner, t.b,
                        EmailAddress.of(Registrations.uniqueEmail("x")), Set.of(), Language.EN)),
                notFound("add a contact to B", t -> t.addContact.add(t.owner, t.b, details("x"), Locale.ENGLISH)),
                notFound("update B's profile", t -> t.updateProfile.update(t.owner, t.b,
                        AccountProfile.named("Taken Over"))),
                notFound("restrict B's domains", t -> t.restrictDomains.restrict(t.owner, t.b,
                        AllowedDomains.parse("example.com"))),
                notFound("remove from B", t -> t.removeMember.remove(t.owner, t.b, t.memberB)),
                notFound("leave B", t -> t.leaveAccount.leave(t.owner, t.b)),

                // Support staff: only Administrators change anything
                forbidden("Support changes permissions", t -> t.changePermissions.change(t.support, t.a,
                        t.colleague, Set.of(), 0)),
                forbidden("Support removes a user", t -> t.removeMember.remove(t.support, t.a, t.colleague)),
                forbidden("Support makes an owner", t -> t.transferOwnership.transfer(t.support, t.a, t.colleague,
                        null)),
                forbidden("Support invites", t -> t.sendInvitation.send(t.support, t.a,
                        EmailAddress.of(Registrations.uniqueEmail("x")), Set.of(), Language.EN)),
                forbidden("Support cancels an invitation", t -> t.cancelInvitation.cancel(t.support, t.a,
                        t.invitationA)),
                forbidden("Support edits an invitation", t -> t.editInvitation.edit(t.support, t.a, t.invitationA,
                        Set.of(), 0)),
                forbidden("Support adds a contact", t -> t.addContact.add(t.support, t.a, details("x"),
                        Locale.ENGLISH)),
                forbidden("Support changes a contact", t -> t.changeContact.change(t.support, t.a, t.contactA,
                        details("x"), Locale.ENGLISH)),
                forbidden("Support deletes a contact", t -> t.deleteContact.delete(t.support, t.a, t.contactA)),
                forbidden("Support updates the profile", t -> t.updateProfile.update(t.support, t.a,
                        AccountProfile.named("Taken Over"))),
                forbidden("Support restricts domains", t -> t.restrictDomains.restrict(t.support, t.a,
                        AllowedDomains.parse("example.com"))),
                forbidden("Support associates a user", t -> t.associateUser.associate(t.support, t.a,
                        new AssociateUser.Association(t.plainPerson.id(), null, null, null, Language.EN, Set.of(),
                                false))),
                forbidden("a user associates a user", t -> t.associateUser.associate(t.owner, t.a,
                        new AssociateUser.Association(t.plainPerson.id(), null, null, null, Language.EN, Set.of(),
                                false))),

                // webhooks: Administrators (and platform keys) only, neither Support nor an account's owner
                forbidden("Support registers a webhook endpoint", t -> t.registerEndpoint.register(t.support,
                        new RegisterWebhookEndpoint.NewEndpoint("https://93.184.216.34/x", null,
                                Set.of("member.added")))),
                forbidden("an owner registers a webhook endpoint", t -> t.registerEndpoint.register(t.owner,
                        new RegisterWebhookEndpoint.NewEndpoint("https://93.184.216.34/x", null,
                                Set.of("member.added")))),
                forbidden("Support rotates a webhook secret", t -> t.rotateSecret.rotate(t.support, t.endpoint)),
                forbidden("an owner rotates a webhook secret", t -> t.rotateSecret.rotate(t.owner, t.endpoint)),
                forbidden("Support enables a webhook endpoint", t -> t.enableEndpoint.enable(t.support, t.endpoint)),
                forbidden("Support disables a webhook endpoint", t -> t.disableEndpoint.disable(t.support,
                        t.endpoint)),
                forbidden("Support sends a test webhook", t -> t.sendTest.send(t.support, t.endpoint)),
                forbidden("Support redelivers a webhook", t -> t.redeliver.redeliver(t.support, t.endpoint, 1)),
                forbidden("Support redelivers webhooks since a time", t -> t.redeliverSince.redeliver(t.support,
                        t.endpoint, Instant.EPOCH)),
                forbidden("an owner redelivers webhooks since a time", t -> t.redeliverSince.redeliver(t.owner,
                        t.endpoint, Instant.EPOCH)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedByTheUseCaseAndChangesNothing(String action, Refusal.Kind expected,
            Consumer<UseCaseRefusalsIT> call) {
        List<String> before = snapshot();

        assertThatThrownBy(() -> call.accept(this)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.kind()).as(action).isEqualTo(expected));

        assertThat(snapshot()).as(action).isEqualTo(before);
    }

    /** What any of the actions would change: both accounts' rows, their audit trail and the outbox. */
    private List<String> snapshot() {
        return Stream.of(
                rows("SELECT id, name, owner_user_id FROM accounts WHERE id IN (?, ?) ORDER BY id"),
                rows("SELECT account_id, user_id, permissions, version FROM memberships WHERE account_id IN (?, ?)"
                        + " ORDER BY account_id, user_id"),
                rows("SELECT id, status, permissions, token_hash, version, expires_at FROM invitations"
                        + " WHERE account_id IN (?, ?) ORDER BY id"),
                rows("SELECT id, first_name, email, email_confirmed FROM contacts WHERE account_id IN (?, ?)"
                        + " ORDER BY id"),
                rows("SELECT account_id, domain FROM account_allowed_domains WHERE account_id IN (?, ?)"
                        + " ORDER BY account_id, domain"),
                rows("SELECT COUNT(*) FROM audit_events WHERE account_id IN (?, ?)"),
                jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'webhook.%'").query(Long.class).single()
                        .toString(),
                jdbc.sql("SELECT id, enabled, secret FROM webhook_endpoints ORDER BY id").query().listOfRows()
                        .toString(),
                jdbc.sql("SELECT COUNT(*) FROM outbox").query(Long.class).single().toString())
                .toList();
    }

    private String rows(String sql) {
        return jdbc.sql(sql).params(a, b).query().listOfRows().toString();
    }

    private void join(long account, Person person, String permissions) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(account, person.id(), permissions, Timestamp.from(Instant.now())).update();
    }

    private static ContactDetails details(String name) {
        return new ContactDetails(name, "Tester", null, ContactDetails.email(Registrations.uniqueEmail(name)), null,
                null, null, null, null, null, null, null, Set.of(Category.INVOICE));
    }

    private static Arguments forbidden(String action, Consumer<UseCaseRefusalsIT> call) {
        return Arguments.of(action, Refusal.Kind.FORBIDDEN, call);
    }

    private static Arguments notFound(String action, Consumer<UseCaseRefusalsIT> call) {
        return Arguments.of(action, Refusal.Kind.NOT_FOUND, call);
    }
}
