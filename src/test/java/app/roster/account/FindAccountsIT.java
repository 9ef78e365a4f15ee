package app.roster.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.shared.Actor;
import app.roster.shared.Keyset;
import app.roster.shared.Refusal;
import app.roster.shared.SearchTerm;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.user.FindUsers;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reads behind the API decide who may read, called as beans: the lists are staff-level (Support included),
 * one account also its own users with {@code profile}, another account's id 404 for them.
 */
@IntegrationTest
class FindAccountsIT {

    @Autowired
    FindAccounts accounts;
    @Autowired
    FindUsers users;
    @Autowired
    Registrations registrations;

    final Actor.Staff support = new Actor.Staff(1, Actor.Staff.Role.SUPPORT, "Sam Support", "sam@example.com");

    @Test
    void staffOfEitherRoleReadAndUsersOnlyTheirOwnAccount() {
        Person owner = registrations.registerVerified("Owen");
        long account = registrations.accountOf(owner);
        long other = registrations.accountOf(registrations.registerVerified("Other"));
        Actor.Member member = new Actor.Member(owner.id(), account);

        assertThat(accounts.list(support, SearchTerm.of(owner.email()), Keyset.first(10)).items())
                .extracting(ListedAccount::id).containsExactly(account);
        assertThat(accounts.find(support, account).ownerUserId()).isEqualTo(owner.id());
        assertThat(users.find(support, owner.id()).email().value()).isEqualTo(owner.email());
        assertThat(accounts.find(member, account).id()).isEqualTo(account);
        assertThat(accounts.allowedDomains(member, account).restricted()).isFalse();

        assertRefused(() -> accounts.find(member, other), Refusal.Kind.NOT_FOUND);
        assertRefused(() -> accounts.list(member, SearchTerm.of(""), Keyset.first(10)), Refusal.Kind.FORBIDDEN);
        assertRefused(() -> users.list(member, SearchTerm.of(""), Keyset.first(10)), Refusal.Kind.FORBIDDEN);
        assertRefused(() -> users.find(member, owner.id()), Refusal.Kind.FORBIDDEN);
        assertRefused(() -> accounts.find(new Actor.User(owner.id(), owner.email()), account), Refusal.Kind.FORBIDDEN);
        assertRefused(() -> accounts.find(new Actor.System(), account), Refusal.Kind.FORBIDDEN);
        assertRefused(() -> accounts.find(support, Long.MAX_VALUE), Refusal.Kind.NOT_FOUND);
    }

    private static void assertRefused(ThrowingCallable call, Refusal.Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind())
                .isEqualTo(kind));
    }
}
