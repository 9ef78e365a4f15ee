package app.roster.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.account.AllowedDomains;
import app.roster.account.RestrictDomains;
import app.roster.membership.ChangePermissions;
import app.roster.membership.PermissionCatalogue;
import app.roster.membership.RemoveMember;
import app.roster.membership.TransferOwnership;
import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two API credentials through the use cases the pages use: a personal token may only what both it and its
 * user's live membership allow, an owner's token is the owner only with every permission, and a platform key is
 * bound by the rules of an Administrator.
 */
@IntegrationTest
class CredentialActorsIT {

    @Autowired
    ChangePermissions changePermissions;
    @Autowired
    RemoveMember removeMember;
    @Autowired
    TransferOwnership transferOwnership;
    @Autowired
    RestrictDomains restrictDomains;
    @Autowired
    PermissionCatalogue catalogue;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    Person owner;
    long account;
    Person manager;
    Person clerk;

    @BeforeEach
    void account() {
        owner = registrations.registerVerified("Olga");
        account = registrations.accountOf(owner);
        manager = registrations.registerVerified("Mia");
        clerk = registrations.registerVerified("Carl");
        join(manager, "users,invoices,quotes");
        join(clerk, "invoices");
    }

    @Test
    void aTokenMayOnlyWhatBothItAndItsUserHold() {
        Actor.Token withoutUsers = token(manager, "invoices,quotes");
        assertRefused(() -> changePermissions.change(withoutUsers, account, clerk.id(), Set.of("quotes"), 0),
                Refusal.Kind.FORBIDDEN);
        assertRefused(() -> removeMember.remove(withoutUsers, account, clerk.id()), Refusal.Kind.FORBIDDEN);

        Actor.Token usersAndQuotes = token(manager, "users,quotes");
        // quotes is granted; invoices, which the token does not carry, stays as it was; orders nobody holds.
        assertThat(changePermissions.change(usersAndQuotes, account, clerk.id(), Set.of("quotes", "orders"), 0))
                .containsExactlyInAnyOrder("invoices", "quotes");

        Actor.Token escalated = token(clerk, "invoices,users");
        assertRefused(() -> removeMember.remove(escalated, account, manager.id()), Refusal.Kind.FORBIDDEN);
    }

    @Test
    void anotherAccountsIdsAreMissingOnesForAToken() {
        long elsewhere = registrations.accountOf(registrations.registerVerified("Else"));
        Actor.Token token = token(manager, "users,invoices");

        assertRefused(() -> changePermissions.change(token, elsewhere, clerk.id(), Set.of(), 0), Refusal.Kind.NOT_FOUND);
        assertRefused(() -> removeMember.remove(token, elsewhere, clerk.id()), Refusal.Kind.NOT_FOUND);
    }

    @Test
    void anOwnersTokenIsTheOwnerOnlyWithEveryPermissionAndNeverHandsOwnershipOver() {
        Actor.Token partial = token(owner, "users");
        Actor.Token full = token(owner, String.join(",", catalogue.everything()));

        assertRefused(() -> restrictDomains.restrict(partial, account, AllowedDomains.parse("example.com")),
                Refusal.Kind.FORBIDDEN);
        restrictDomains.restrict(full, account, AllowedDomains.parse("example.com"));
        assertRefused(() -> transferOwnership.transfer(full, account, manager.id(), null), Refusal.Kind.FORBIDDEN);
    }

    @Test
    void aPlatformKeyActsLikeAnAdministratorBoundByTheSameRules() {
        Actor.ApiKey key = new Actor.ApiKey(1, "Billing", Set.of("members:write"));

        assertThat(changePermissions.change(key, account, clerk.id(), Set.of("orders"), 0)).containsExactly("orders");
        assertRefused(() -> changePermissions.change(key, account, owner.id(), Set.of(), 0), Refusal.Kind.FORBIDDEN);
        transferOwnership.transfer(key, account, manager.id(), null);
        assertThat(jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(account).query(Long.class).single())
                .isEqualTo(manager.id());
    }

    private Actor.Token token(Person person, String permissions) {
        return new Actor.Token(person.id() * 1000, "t (" + person.email() + ")", person.id(), account,
                Set.of(permissions.split(",")));
    }

    private void join(Person person, String permissions) {
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, ?, ?)")
                .params(account, person.id(), permissions, Timestamp.from(Instant.now())).update();
    }

    private static void assertRefused(Runnable call, Refusal.Kind kind) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Refusal.class,
                refusal -> assertThat(refusal.kind()).isEqualTo(kind));
    }
}
