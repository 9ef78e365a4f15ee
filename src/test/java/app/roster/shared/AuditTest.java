package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTest {

    @Test
    void detailsKeepTheOrderTheyAreNamedIn() {
        Audit audit = Audit.ofMember("membership.added", 3, 7, "permissions", "invoices", "active", true, "how", 1);

        assertThat(audit.accountId()).isEqualTo(3);
        assertThat(audit.userId()).isEqualTo(7);
        assertThat(audit.details()).containsExactly(Map.entry("permissions", "invoices"), Map.entry("active", "true"),
                Map.entry("how", "1"));
        assertThat(audit.actor()).isNull();
    }

    @Test
    void moreDetailsComeAfterAndTheActorIsNamedLast() {
        Actor actor = new Actor.Member(7, 3, "olga@example.com");

        Audit audit = Audit.ofAccount("contact.added", 3, "name", "Cora").with(Map.of("contact", "9")).by(actor);

        assertThat(audit.details()).containsExactly(Map.entry("name", "Cora"), Map.entry("contact", "9"));
        assertThat(audit.actor()).isEqualTo(actor);
        assertThat(audit.userId()).isNull();
    }

    @Test
    void detailsComeInPairs() {
        assertThatThrownBy(() -> Audit.of("user.login_failed", "email")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachActorNamesItselfForTheTrail() {
        assertThat(new Actor.Member(7, 3, "olga@example.com").actorLabel()).isEqualTo("olga@example.com");
        assertThat(new Actor.Member(7, 3).actorId()).isEqualTo(7);
        assertThat(new Actor.User(8, "piet@example.com").type()).isEqualTo(Actor.Type.USER);
        Actor staff = new Actor.Staff(5, Actor.Staff.Role.SUPPORT, "Sue Port", "sue@example.com");
        assertThat(staff.actorId()).isEqualTo(5);
        assertThat(staff.actorLabel()).isEqualTo("sue@example.com");
        assertThat(new Actor.System().actorId()).isNull();
    }
}
