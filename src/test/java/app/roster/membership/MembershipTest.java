package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private static final Set<String> ALL = new PermissionCatalogue(new PermissionSettings(List.of(), Map.of())).everything();

    private final Membership owner = new Membership(1, "Acme", 10, true, ALL, 0);
    private final Membership manager = new Membership(1, "Acme", 11, false, Set.of("users", "invoices", "quotes"), 0);
    private final Membership billing = new Membership(1, "Acme", 12, false, Set.of("invoices", "profile"), 0);
    private final Membership plain = new Membership(1, "Acme", 13, false, Set.of("invoices"), 0);
    private final Membership outsider = new Membership(2, "Other", 14, true, ALL, 0);

    @Test
    void theOwnerSetsExactlyWhatWasAsked() {
        assertThat(billing.permissionsAfterChangeBy(owner, Set.of("tickets"))).containsExactly("tickets");
    }

    @Test
    void aManagerChangesOnlyWhatTheyHoldAndTheRestStaysAsItWas() {
        Set<String> after = billing.permissionsAfterChangeBy(manager, Set.of("quotes", "orders", "users"));
        // invoices (held by the manager, not asked) is taken away; profile (not held) stays; orders (not held) is not granted.
        assertThat(after).containsExactlyInAnyOrder("profile", "quotes", "users");
    }

    @Test
    void nobodyEditsTheOwner() {
        assertRefused(() -> owner.permissionsAfterChangeBy(manager, Set.of()), "membership.refused.owner");
        assertRefused(() -> owner.requireRemovableBy(manager), "membership.refused.owner");
    }

    @Test
    void nobodyEditsThemselves() {
        assertRefused(() -> manager.permissionsAfterChangeBy(manager, ALL), "membership.refused.self");
        assertRefused(() -> manager.requireRemovableBy(manager), "membership.refused.self");
    }

    @Test
    void onlyUserManagersManage() {
        assertRefused(() -> plain.permissionsAfterChangeBy(billing, Set.of()), "membership.refused.notManager");
        assertRefused(() -> plain.requireRemovableBy(billing), "membership.refused.notManager");
    }

    @Test
    void aManagerOfAnotherAccountManagesNothingHere() {
        assertRefused(() -> plain.permissionsAfterChangeBy(outsider, Set.of()), "membership.refused.notManager");
    }

    @Test
    void aManagerRemovesOnlyTheirEqualsOrBelow() {
        assertThatNoException().isThrownBy(() -> plain.requireRemovableBy(manager));
        assertRefused(() -> billing.requireRemovableBy(manager), "membership.refused.notSubset");
        assertThatNoException().isThrownBy(() -> billing.requireRemovableBy(owner));
    }

    @Test
    void aNonOwnerMayLeaveTheOwnerMayNot() {
        assertThatNoException().isThrownBy(plain::requireMayLeave);
        assertRefused(owner::requireMayLeave, "membership.refused.ownerLeaves");
    }

    @Test
    void onlyTheOwnerHandsOverOwnershipAndNotToThemselves() {
        assertThatNoException().isThrownBy(() -> plain.requireMayReceiveOwnershipFrom(owner));
        assertRefused(() -> plain.requireMayReceiveOwnershipFrom(manager), "membership.refused.notOwner");
        assertRefused(() -> owner.requireMayReceiveOwnershipFrom(owner), "membership.refused.self");
    }

    @Test
    void theResultKeepsNoPermissionTheManagerCouldNotSee() {
        Set<String> asked = new LinkedHashSet<>(ALL);
        assertThat(plain.permissionsAfterChangeBy(manager, asked)).containsExactlyInAnyOrder("users", "invoices", "quotes");
    }

    private static void assertRefused(Runnable action, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOf(MembershipRefused.class)
                .extracting(e -> ((MembershipRefused) e).messageKey()).isEqualTo(messageKey);
    }

    @Test
    void aCappedMembershipMayOnlyWhatBothAllowAndIsOwnerOnlyWithEveryPermission() {
        Membership capped = manager.cappedTo(Set.of("invoices", "orders"), ALL);
        assertThat(capped.permissions()).containsExactly("invoices");
        assertThat(capped.owner()).isFalse();

        assertThat(owner.cappedTo(Set.of("users"), ALL).owner()).isFalse();
        assertThat(owner.cappedTo(Set.of("users"), ALL).permissions()).containsExactly("users");
        assertThat(owner.cappedTo(ALL, ALL).owner()).isTrue();
        // A token carrying everything does not make a non-owner the owner.
        assertThat(manager.cappedTo(ALL, ALL).owner()).isFalse();
        // The capped manager may no longer grant what the token lacks.
        assertThat(billing.permissionsAfterChangeBy(manager.cappedTo(Set.of("users", "quotes"), ALL), Set.of("invoices")))
                .containsExactlyInAnyOrder("invoices", "profile");
    }
}
