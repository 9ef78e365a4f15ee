package app.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CurrentAccountTest {

    @Test
    void theOwnerMayDoEverything() {
        CurrentAccount owner = new CurrentAccount(1, "Acme", 7, true, Set.of(), "olga@example.com");
        assertThat(owner.may("profile")).isTrue();
        assertThatNoException().isThrownBy(() -> owner.require("users"));
    }

    @Test
    void anotherUserMayDoOnlyWhatTheyHold() {
        CurrentAccount member = new CurrentAccount(1, "Acme", 8, false, Set.of("invoices"), "piet@example.com");
        assertThat(member.may("invoices")).isTrue();
        assertThat(member.may("profile")).isFalse();
        assertThatThrownBy(() -> member.require("profile")).isInstanceOf(CurrentAccount.PermissionDenied.class);
    }
}
