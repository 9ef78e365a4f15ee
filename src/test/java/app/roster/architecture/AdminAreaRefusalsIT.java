package app.roster.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.account.AccountProfile;
import app.roster.account.CloseAccount;
import app.roster.account.DeleteAccount;
import app.roster.admin.AddClient;
import app.roster.admin.DeleteClient;
import app.roster.admin.ExportAuditTrail;
import app.roster.admin.RetryEmail;
import app.roster.audit.AuditFilter;
import app.roster.invitation.AcceptInvitation;
import app.roster.membership.AddMember;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.Refusal;
import app.roster.staff.AddStaff;
import app.roster.staff.ChangeStaffRole;
import app.roster.staff.DisableStaff;
import app.roster.staff.ResendStaffSetupLink;
import app.roster.staff.StaffRole;
import app.roster.staff.StaffTwoFactor;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.user.ChangeEmail;
import app.roster.user.CreateUserByStaff;
import app.roster.user.DeleteUser;
import app.roster.user.DisableUser;
import app.roster.user.EmailVerification;
import app.roster.user.EndSessions;
import app.roster.user.PasswordReset;
import app.roster.user.TwoFactor;
import app.roster.user.UpdateProfile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The sibling of {@link UseCaseRefusalsIT} for the Admin Area's own use cases (clients, users, staff, records) and
 * a user's changes to their own login: each, called as a bean without HTTP, refuses Support staff what only an
 * Administrator changes (403), refuses users and Roster itself what only staff do (403), and answers another
 * user's id like a missing one (404). Nothing is stored, audited or emailed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAreaRefusalsIT {

    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AddMember addMember;
    @Autowired
    CloseAccount closeAccount;
    @Autowired
    DeleteAccount deleteAccount;
    @Autowired
    ChangeEmail changeEmail;
    @Autowired
    DisableUser disableUser;
    @Autowired
    EndSessions endSessions;
    @Autowired
    CreateUserByStaff createUser;
    @Autowired
    DeleteUser deleteUser;
    @Autowired
    UpdateProfile updateProfile;
    @Autowired
    TwoFactor twoFactor;
    @Autowired
    PasswordReset passwordReset;
    @Autowired
    EmailVerification verification;
    @Autowired
    AddStaff addStaff;
    @Autowired
    ChangeStaffRole changeStaffRole;
    @Autowired
    DisableStaff disableStaff;
    @Autowired
    ResendStaffSetupLink resendSetupLink;
    @Autowired
    StaffTwoFactor staffTwoFactor;
    @Autowired
    AcceptInvitation acceptInvitation;
    @Autowired
    AddClient addClient;
    @Autowired
    DeleteClient deleteClient;
    @Autowired
    RetryEmail retryEmail;
    @Autowired
    ExportAuditTrail exportAuditTrail;

    long a;
    /** The owner of A, acting in A. */
    Actor owner;
    long olga;
    /** A user of A, acting for themselves (their own profile). */
    Actor piet;
    long pietId;
    /** A user in no account, whom an Administrator could delete. */
    long lone;
    /** A Support staff member (the actor) and another staff member (the one changed). */
    Actor support;
    long stan;
    long message;
    final Actor system = new Actor.System();

    @BeforeAll
    void people() {
        Person o = registrations.registerVerified("Olga");
        olga = o.id();
        a = registrations.accountOf(o);
        owner = new Actor.Member(olga, a, o.email());
        Person p = registrations.register("Piet");
        pietId = p.id();
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'invoices', ?)")
                .params(a, pietId, Timestamp.from(Instant.now())).update();
        piet = new Actor.User(pietId, p.email());
        lone = registrations.register("Lou").id();
        long sue = staff(Registrations.uniqueEmail("sue"), "SUPPORT");
        support = new Actor.Staff(sue, Actor.Staff.Role.SUPPORT, "Sue Port", "sue@example.com");
        stan = staff(Registrations.uniqueEmail("stan"), "SUPPORT");
        message = failedEmail();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                // Support staff: only Administrators change anything
                forbidden("Support closes a client", t -> t.closeAccount.close(t.support, t.a)),
                forbidden("Support reopens a client", t -> t.closeAccount.reopen(t.support, t.a)),
                forbidden("Support deletes an account", t -> t.deleteAccount.delete(t.support, t.a)),
                forbidden("Support deletes a client", t -> t.deleteClient.delete(t.support, t.a, true)),
                forbidden("Support adds a client", t -> t.addClient.add(t.support, AccountProfile.named("New"),
                        AddClient.Owner.existing(t.lone))),
                forbidden("Support adds a member", t -> t.addMember.add(t.support, t.a, t.lone, Set.of(), true)),
                forbidden("Support sets a user's address", t -> t.changeEmail.set(t.support, t.pietId,
                        EmailAddress.of(Registrations.uniqueEmail("moved")))),
                forbidden("Support disables a user", t -> t.disableUser.disable(t.support, t.pietId)),
                forbidden("Support enables a user", t -> t.disableUser.enable(t.support, t.pietId)),
                forbidden("Support ends a user's sessions", t -> t.endSessions.endAll(t.support, t.pietId)),
                forbidden("Support creates a user", t -> t.createUser.create(t.support,
                        EmailAddress.of(Registrations.uniqueEmail("new")), "New", "User", Language.EN)),
                forbidden("Support deletes a user", t -> t.deleteUser.delete(t.support, t.lone)),
                forbidden("Support edits a user's profile", t -> t.updateProfile.update(t.support, t.pietId,
                        "Renamed", "User", Language.DE)),
                forbidden("Support turns a user's two-factor off", t -> t.twoFactor.disable(t.support, t.pietId)),
                forbidden("Support adds staff", t -> t.addStaff.add(t.support, "New Staff",
                        Registrations.uniqueEmail("staff"), StaffRole.ADMINISTRATOR)),
                forbidden("Support changes a staff role", t -> t.changeStaffRole.change(t.support, t.stan,
                        StaffRole.ADMINISTRATOR)),
                forbidden("Support disables staff", t -> t.disableStaff.disable(t.support, t.stan)),
                forbidden("Support enables staff", t -> t.disableStaff.enable(t.support, t.stan)),
                forbidden("Support resends a staff setup link", t -> t.resendSetupLink.resend(t.support, t.stan)),
                forbidden("Support resets a staff two-factor", t -> t.staffTwoFactor.reset(t.support, t.stan)),
                forbidden("Support retries a failed email", t -> t.retryEmail.retry(t.support, t.message)),

                // users and Roster itself: the Admin Area's use cases are for staff
                forbidden("the owner closes their account", t -> t.closeAccount.close(t.owner, t.a)),
                forbidden("the owner deletes their client", t -> t.deleteClient.delete(t.owner, t.a, false)),
                forbidden("a user adds a client", t -> t.addClient.add(t.piet, AccountProfile.named("Mine"),
                        AddClient.Owner.existing(t.pietId))),
                forbidden("the owner adds a member directly", t -> t.addMember.add(t.owner, t.a, t.lone, Set.of(),
                        true)),
                forbidden("the owner disables a colleague", t -> t.disableUser.disable(t.owner, t.pietId)),
                forbidden("the owner sets a colleague's address", t -> t.changeEmail.set(t.owner, t.pietId,
                        EmailAddress.of(Registrations.uniqueEmail("moved")))),
                forbidden("the owner sends a colleague a reset link", t -> t.passwordReset.sendLink(t.owner,
                        t.pietId)),
                forbidden("a user sends themselves a verification link as staff", t -> t.verification.sendAgain(
                        t.piet, t.pietId)),
                forbidden("the owner exports the audit trail", t -> export(t, t.owner)),
                forbidden("a user adds staff", t -> t.addStaff.add(t.piet, "Me", Registrations.uniqueEmail("me"),
                        StaffRole.ADMINISTRATOR)),
                forbidden("Roster itself deletes a user", t -> t.deleteUser.delete(t.system, t.lone)),
                forbidden("Roster itself edits a profile", t -> t.updateProfile.update(t.system, t.pietId, "Renamed",
                        "User", Language.DE)),
                forbidden("staff accept an invitation", t -> t.acceptInvitation.accept(t.support, "any-token")),
                forbidden("a user acting in an account accepts an invitation", t -> t.acceptInvitation.accept(
                        t.owner, "any-token")),

                // a user's own things: another user's id answers like a missing one
                notFound("a user edits another user's profile", t -> t.updateProfile.update(t.piet, t.olga,
                        "Taken", "Over", Language.DE)),
                notFound("a user turns off another user's two-factor", t -> t.twoFactor.disable(t.piet, t.olga)),
                notFound("a user adds another user to an account", t -> t.addMember.add(t.piet, t.a, t.lone,
                        Set.of(), true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedByTheUseCaseAndChangesNothing(String action, Refusal.Kind expected,
            Consumer<AdminAreaRefusalsIT> call) {
        List<String> before = snapshot();

        assertThatThrownBy(() -> call.accept(this)).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.kind()).as(action).isEqualTo(expected));

        assertThat(snapshot()).as(action).isEqualTo(before);
    }

    /**
     * What any of the actions would change: the accounts and memberships, these people and staff, their links,
     * their trail (and any staff action's), the outbox.
     */
    private List<String> snapshot() {
        return Stream.of(
                rows("SELECT id, name, status FROM accounts ORDER BY id"),
                rows("SELECT account_id, user_id, permissions, active FROM memberships ORDER BY account_id, user_id"),
                rows("SELECT COUNT(*) FROM users"),
                rows("SELECT id, email, first_name, last_name, language, disabled, totp_secret FROM users"
                        + " WHERE id IN (" + olga + ", " + pietId + ", " + lone + ") ORDER BY id"),
                rows("SELECT id, email, name, role, disabled, totp_secret FROM staff ORDER BY id"),
                rows("SELECT COUNT(*) FROM staff_tokens"),
                rows("SELECT COUNT(*) FROM user_tokens WHERE user_id IN (" + olga + ", " + pietId + ", " + lone + ")"),
                rows("SELECT COUNT(*) FROM invitations"),
                rows("SELECT COUNT(*) FROM audit_events WHERE account_id = " + a + " OR user_id IN (" + olga + ", "
                        + pietId + ", " + lone + ") OR action LIKE 'admin.%' OR action LIKE 'staff.%'"),
                rows("SELECT COUNT(*) FROM outbox"),
                rows("SELECT state, attempts FROM outbox WHERE id = " + message))
                .toList();
    }

    private String rows(String sql) {
        return jdbc.sql(sql).query().listOfRows().toString();
    }

    private long failedEmail() {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO outbox (recipient, subject, text_body, state, attempts, next_attempt_at, last_error,
                                    created_at)
                VALUES (?, 'Subject', 'text', 'FAILED', 10, ?, 'boom', ?)""")
                .params(Registrations.uniqueEmail("failed"), now, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long staff(String email, String role) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO staff (email, name, role, created_at) VALUES (?, ?, ?, ?)")
                .params(email, "Staff " + email, role, Timestamp.from(Instant.now())).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static void export(AdminAreaRefusalsIT t, Actor actor) {
        try {
            t.exportAuditTrail.export(actor, AuditFilter.EVERYTHING, new StringWriter());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Arguments forbidden(String action, Consumer<AdminAreaRefusalsIT> call) {
        return Arguments.of(action, Refusal.Kind.FORBIDDEN, call);
    }

    private static Arguments notFound(String action, Consumer<AdminAreaRefusalsIT> call) {
        return Arguments.of(action, Refusal.Kind.NOT_FOUND, call);
    }
}
