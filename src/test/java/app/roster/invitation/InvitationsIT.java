package app.roster.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.Actor;
import app.roster.account.AllowedDomains;
import app.roster.account.RestrictDomains;
import app.roster.membership.AccountAccess;
import app.roster.membership.RemoveMember;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.user.EmailVerification;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The invitation rules against the real database; the accept link is taken from the email request. */
@IntegrationTest
@RecordApplicationEvents
class InvitationsIT {

    @Autowired
    Registrations registrations;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    ResendInvitation resendInvitation;
    @Autowired
    CancelInvitation cancelInvitation;
    @Autowired
    EditInvitation editInvitation;
    @Autowired
    AcceptInvitation acceptInvitation;
    @Autowired
    ExpireInvitations expireInvitations;
    @Autowired
    RestrictDomains restrictDomains;
    @Autowired
    RemoveMember removeMember;
    @Autowired
    AccountAccess access;
    @Autowired
    EmailVerification emailVerification;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @Test
    void anInviteeAcceptsWithAnotherAddressAndGetsExactlyTheInvitedPermissions() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        String invited = Registrations.uniqueEmail("invited");
        long id = sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(invited), Set.of("invoices", "quotes"),
                Language.FR);
        String token = lastToken();
        assertThat(jdbc.sql("SELECT token_hash FROM invitations WHERE id = ?").param(id).query(String.class).single())
                .isNotEqualTo(token).hasSize(64);

        InvitationView view = acceptInvitation.view(token).orElseThrow();
        assertThat(view.state()).isEqualTo(InvitationView.State.OPEN);
        assertThat(view.maskedEmail()).startsWith("i***@");
        assertThat(view.inviterName()).isEqualTo("Olga Tester");

        Person someoneElse = registrations.register("Ivan");
        Acceptance acceptance = acceptInvitation.accept(acting(someoneElse), token);

        assertThat(acceptance.outcome()).isEqualTo(Acceptance.Outcome.ACCEPTED);
        assertThat(access.may(someoneElse.id(), account, "invoices")).isTrue();
        assertThat(access.may(someoneElse.id(), account, "profile")).isFalse();
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE action = 'invitation.accepted' AND account_id = ?")
                .param(account).query(String.class).single()).contains(invited).contains(someoneElse.email());
        assertThat(events.stream(InvitationEvents.InviterNotified.class)).hasSize(1);
        assertThat(acceptInvitation.accept(acting(someoneElse), token).outcome()).as("single use")
                .isEqualTo(Acceptance.Outcome.CLOSED);
    }

    @Test
    void theRulesOfSendingAreClearRefusals() {
        Person owner = registrations.registerVerified("Olga");
        Person member = registrations.registerVerified("Mia");
        long account = registrations.accountOf(owner);
        addMember(account, member, "invoices,users");
        restrictDomains.restrict(registrations.ownerOf(account), account, AllowedDomains.parse("example.com\n*.example.org"));

        assertRefused(() -> sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of("x@elsewhere.net"), Set.of(),
                Language.EN), "invitation.refused.domain");
        assertRefused(() -> sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(member.email()), Set.of(),
                Language.EN), "invitation.refused.member");
        String invited = Registrations.uniqueEmail("new");
        long first = sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(invited), Set.of(), Language.EN);
        InvitationRefused pending = catchRefusal(() -> sendInvitation.send(new Actor.Member(owner.id(), account), account,
                EmailAddress.of(invited.toUpperCase()), Set.of(), Language.EN));
        assertThat(pending.messageKey()).isEqualTo("invitation.refused.pending");
        assertThat(pending.existingInvitationId()).isEqualTo(first);
        assertRefused(() -> sendInvitation.send(new Actor.Member(member.id(), account), account, EmailAddress.of("a@sub.example.org"),
                Set.of("profile"), Language.EN), "invitation.refused.notHeld");
        assertThat(sendInvitation.send(new Actor.Member(member.id(), account), account, EmailAddress.of("a@sub.example.org"),
                Set.of("invoices"), Language.EN)).isPositive();
    }

    @Test
    void resendReplacesTheLinkAndRestartsTheValidityWhileEditKeepsIt() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        long id = sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("r")),
                Set.of("invoices"), Language.EN);
        String first = lastToken();

        editInvitation.edit(new Actor.Member(owner.id(), account), account, id, Set.of("tickets"), 0);
        assertThat(acceptInvitation.view(first).orElseThrow().open()).as("editing keeps the link").isTrue();
        resendInvitation.resend(new Actor.Member(owner.id(), account), account, id);
        String second = lastToken();

        assertThat(second).isNotEqualTo(first);
        assertThat(acceptInvitation.view(first).orElseThrow().state()).isEqualTo(InvitationView.State.REPLACED);
        Person invitee = registrations.register("Rita");
        assertThat(acceptInvitation.accept(acting(invitee), first).outcome()).isEqualTo(Acceptance.Outcome.CLOSED);
        assertThat(acceptInvitation.accept(acting(invitee), second).outcome()).isEqualTo(Acceptance.Outcome.ACCEPTED);
        assertThat(access.may(invitee.id(), account, "tickets")).isTrue();
        assertThat(access.may(invitee.id(), account, "invoices")).isFalse();
    }

    @Test
    void aCancelledOrTamperedLinkJoinsNobody() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        long id = sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("c")),
                Set.of(), Language.EN);
        String token = lastToken();
        Person invitee = registrations.register("Carl");

        assertThat(acceptInvitation.view(token.substring(0, 20))).isEmpty();
        assertThat(acceptInvitation.accept(acting(invitee), token + "x").outcome()).isEqualTo(Acceptance.Outcome.INVALID);
        cancelInvitation.cancel(new Actor.Member(owner.id(), account), account, id);

        assertThat(acceptInvitation.view(token).orElseThrow().state()).isEqualTo(InvitationView.State.CANCELLED);
        assertThat(acceptInvitation.accept(acting(invitee), token).outcome()).isEqualTo(Acceptance.Outcome.CLOSED);
        assertThat(access.may(invitee.id(), account, "invoices")).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE account_id = ? AND action = 'invitation.acceptance_refused'")
                .param(account).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherAccountsInvitationIdIsNotFound() {
        Person owner = registrations.registerVerified("Olga");
        Person other = registrations.registerVerified("Otto");
        long id = sendInvitation.send(new Actor.Member(owner.id(), registrations.accountOf(owner)), registrations.accountOf(owner),
                EmailAddress.of(Registrations.uniqueEmail("x")), Set.of(), Language.EN);
        long otherAccount = registrations.accountOf(other);

        assertThatThrownBy(() -> cancelInvitation.cancel(new Actor.Member(other.id(), otherAccount), otherAccount, id))
                .isInstanceOf(app.roster.shared.NotFound.class);
        assertThatThrownBy(() -> resendInvitation.resend(new Actor.Member(other.id(), otherAccount), otherAccount, id))
                .isInstanceOf(app.roster.shared.NotFound.class);
    }

    @Test
    void permissionsAreCappedToWhatTheInviterHoldsAtAcceptance() {
        Person owner = registrations.registerVerified("Olga");
        Person manager = registrations.registerVerified("Max");
        long account = registrations.accountOf(owner);
        addMember(account, manager, "users,invoices,quotes");
        sendInvitation.send(new Actor.Member(manager.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("cap")),
                Set.of("invoices", "quotes"), Language.EN);
        String token = lastToken();
        jdbc.sql("UPDATE memberships SET permissions = 'users,invoices' WHERE account_id = ? AND user_id = ?")
                .params(account, manager.id()).update();
        Person invitee = registrations.register("Cap");

        acceptInvitation.accept(acting(invitee), token);

        assertThat(access.may(invitee.id(), account, "invoices")).isTrue();
        assertThat(access.may(invitee.id(), account, "quotes")).isFalse();
    }

    @Test
    void removingTheInviterCancelsTheirPendingInvitations() {
        Person owner = registrations.registerVerified("Olga");
        Person manager = registrations.registerVerified("Max");
        long account = registrations.accountOf(owner);
        addMember(account, manager, "users,invoices");
        long id = sendInvitation.send(new Actor.Member(manager.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("m")),
                Set.of("invoices"), Language.EN);

        removeMember.remove(new Actor.Member(owner.id(), account), account, manager.id());

        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void inARestrictedAccountTheMembershipWaitsForTheVerifiedInDomainAddress() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        restrictDomains.restrict(registrations.ownerOf(account), account, AllowedDomains.parse("example.com"));
        sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("w")),
                Set.of("invoices"), Language.EN);
        String token = lastToken();
        Person unverified = registrations.register("Wen");

        Acceptance acceptance = acceptInvitation.accept(acting(unverified), token);

        assertThat(acceptance.outcome()).isEqualTo(Acceptance.Outcome.ACCEPTED);
        assertThat(acceptance.active()).isFalse();
        assertThat(access.may(unverified.id(), account, "invoices")).isFalse();
        jdbc.sql("UPDATE users SET email_verified = FALSE WHERE id = ?").param(unverified.id()).update();
        emailVerification.send(unverified.id());
        String verifyToken = lastVerificationToken();
        assertThat(emailVerification.verify(verifyToken)).isTrue();
        assertThat(access.may(unverified.id(), account, "invoices")).isTrue();
    }

    @Test
    void anAddressOutsideTheAllowedDomainsCannotAccept() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of("someone@example.com"), Set.of(), Language.EN);
        String token = lastToken();
        restrictDomains.restrict(registrations.ownerOf(account), account, AllowedDomains.parse("corp.example"));
        Person outsider = registrations.registerVerified("Out");

        assertThat(acceptInvitation.accept(acting(outsider), token).outcome())
                .isEqualTo(Acceptance.Outcome.DOMAIN_NOT_ALLOWED);
        assertThat(access.may(outsider.id(), account, "invoices")).isFalse();
    }

    @Test
    void anInvitationOutsideDomainsRestrictedSinceCannotBeResent() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        Actor actor = new Actor.Member(owner.id(), account);
        long id = sendInvitation.send(actor, account, EmailAddress.of("someone@example.com"), Set.of(), Language.EN);
        String token = lastToken();
        restrictDomains.restrict(registrations.ownerOf(account), account, AllowedDomains.parse("corp.example"));

        assertThatThrownBy(() -> resendInvitation.resend(actor, account, id))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.messageKey()).isEqualTo("invitation.refused.domainOnResend");
                    assertThat(refusal.field()).isEqualTo("email");
                });
        assertThat(lastToken()).as("the link sent first still stands").isEqualTo(token);
        assertThat(status(id)).isEqualTo("PENDING");
    }

    @Test
    void anExpiredInvitationIsMarkedByTheJobAndCannotBeAccepted() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        long id = sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("e")),
                Set.of(), Language.EN);
        String token = lastToken();
        jdbc.sql("UPDATE invitations SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), id).update();

        assertThat(acceptInvitation.view(token).orElseThrow().state()).isEqualTo(InvitationView.State.EXPIRED);
        expireInvitations.run();

        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(acceptInvitation.accept(acting(registrations.register("Late")), token).outcome())
                .isEqualTo(Acceptance.Outcome.EXPIRED);
        resendInvitation.resend(new Actor.Member(owner.id(), account), account, id);
        assertThat(status(id)).as("an expired invitation can be resent").isEqualTo("PENDING");
    }

    @Test
    void twentySimultaneousAcceptancesMakeExactlyOneMembership() throws Exception {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("race")),
                Set.of("invoices"), Language.EN);
        String token = lastToken();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(registrations.register("Racer" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Acceptance>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Person person : people) {
                Callable<Acceptance> accept = () -> {
                    start.await();
                    return acceptInvitation.accept(acting(person), token);
                };
                results.add(pool.submit(accept));
            }
            start.countDown();
        }

        assertThat(results.stream().filter(r -> r.resultNow().joined()).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ?").param(account)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aCancelRacingAnAcceptNeverLeavesBoth() throws Exception {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        Person invitee = registrations.register("Rae");
        long id = sendInvitation.send(new Actor.Member(owner.id(), account), account, EmailAddress.of(Registrations.uniqueEmail("cr")),
                Set.of("invoices"), Language.EN);
        String token = lastToken();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            pool.submit(() -> {
                start.await();
                return acceptInvitation.accept(acting(invitee), token);
            });
            pool.submit(() -> {
                start.await();
                try {
                    cancelInvitation.cancel(new Actor.Member(owner.id(), account), account, id);
                } catch (InvitationRefused alreadyAccepted) {
                    // the accept won
                }
                return null;
            });
            start.countDown();
        }

        String status = status(id);
        boolean member = access.may(invitee.id(), account, "invoices");
        assertThat(status).isIn("ACCEPTED", "CANCELLED");
        assertThat(member).isEqualTo(status.equals("ACCEPTED"));
    }

    private String lastToken() {
        String link = events.stream(InvitationEvents.InvitationEmailRequested.class).reduce((a, b) -> b).orElseThrow()
                .link();
        return link.substring(link.indexOf("token=") + 6);
    }

    private String lastVerificationToken() {
        String link = events.stream(app.roster.user.EmailVerificationRequested.class).reduce((a, b) -> b)
                .orElseThrow().link();
        return link.substring(link.indexOf("token=") + 6);
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM invitations WHERE id = ?").param(id).query(String.class).single();
    }

    private void addMember(long account, Person person, String permissions) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(account, person.id(), permissions, Timestamp.from(Instant.now())).update();
    }

    private static void assertRefused(Runnable action, String key) {
        assertThat(catchRefusal(action).messageKey()).isEqualTo(key);
    }

    private static InvitationRefused catchRefusal(Runnable action) {
        try {
            action.run();
        } catch (InvitationRefused refused) {
            return refused;
        }
        throw new AssertionError("Expected a refusal");
    }

    /** The person signed in, accepting for themselves. */
    private static Actor acting(Person person) {
        return new Actor.User(person.id(), person.email());
    }
}
