package app.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.account.AccountProfile;
import app.roster.account.CloseAccount;
import app.roster.account.UpdateAccountProfile;
import app.roster.shared.Actor;
import app.roster.shared.Language;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.user.UpdateProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail names the actor the use case was given, not whoever the request (if any) is signed in as: these calls
 * have no request and no signed-in principal at all. An event that names nobody, outside a request, is Roster's.
 */
@IntegrationTest
class AuditActorIT {

    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CloseAccount closeAccount;
    @Autowired
    UpdateAccountProfile updateAccountProfile;
    @Autowired
    UpdateProfile updateProfile;

    @Test
    void aStaffMemberIsRecordedByTypeIdAndAddress() {
        long account = registrations.accountOf(registrations.registerVerified("Olga"));
        Actor ada = new Actor.Staff(4242, Actor.Staff.Role.ADMINISTRATOR, "Ada Admin", "ada@example.com");

        closeAccount.close(ada, account);

        assertThat(actorOf("account.closed", "account_id", account))
                .containsEntry("actor_type", "STAFF").containsEntry("actor_label", "ada@example.com");
        assertThat(((Number) actorOf("account.closed", "account_id", account).get("actor_id")).longValue())
                .isEqualTo(4242);
    }

    @Test
    void aUserInAnAccountAndAUserForThemselvesAreRecordedByTheirAddress() {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);

        updateAccountProfile.update(new Actor.Member(olga.id(), account, olga.email()), account,
                AccountProfile.named("Renamed " + account));
        updateProfile.update(new Actor.User(olga.id(), olga.email()), olga.id(), "Olgi", "Renamed", Language.DE);

        assertNamesOlga(actorOf("account.profile_updated", "account_id", account), olga);
        assertNamesOlga(actorOf("user.profile_updated", "user_id", olga.id()), olga);
    }

    @Test
    void nobodyNamedOutsideARequestIsRosterItself() {
        Person lou = registrations.register("Lou");

        assertThat(actorOf("user.registered", "user_id", lou.id()))
                .containsEntry("actor_type", "SYSTEM").containsEntry("actor_id", null)
                .containsEntry("actor_label", null);
    }

    private static void assertNamesOlga(Map<String, Object> row, Person olga) {
        assertThat(row).containsEntry("actor_type", "USER").containsEntry("actor_label", olga.email());
        assertThat(((Number) row.get("actor_id")).longValue()).isEqualTo(olga.id());
    }

    private Map<String, Object> actorOf(String action, String column, long id) {
        return jdbc.sql("SELECT actor_type, actor_id, actor_label FROM audit_events WHERE action = ? AND " + column
                + " = ?").params(action, id).query().singleRow();
    }
}
