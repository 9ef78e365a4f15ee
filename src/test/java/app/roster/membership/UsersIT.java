package app.roster.membership;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Rows;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Client Area's User Management through HTTP. Account A: owner O, manager M (users, invoices, quotes),
 * P1 (invoices), P2 (invoices, profile), X (invoices; also in B with users). Account B: owner BO.
 */
@IntegrationTest
class UsersIT {

    private static final long NO_SUCH_USER = 999_999_999L;

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PermissionCatalogue catalogue;

    Person o;
    Person m;
    Person p1;
    Person p2;
    Person x;
    Person bo;
    Person p3;
    long a;
    long b;

    @BeforeEach
    void twoAccountsAndFiveUsers() {
        o = registrations.registerVerified("Olga");
        m = registrations.registerVerified("Max");
        p1 = registrations.registerVerified("Pia");
        p2 = registrations.registerVerified("Paul");
        x = registrations.registerVerified("Xena");
        bo = registrations.registerVerified("Bruno");
        a = registrations.accountOf(o);
        b = registrations.accountOf(bo);
        join(a, m, "users,invoices,quotes");
        join(a, p1, "invoices");
        join(a, p2, "invoices,profile");
        join(a, x, "invoices");
        join(b, x, "users,tickets");
    }

    @Test
    void theListShowsTheUsersWithOwnerBadgeYouAndActionsOnlyForOthers() {
        Visitor owner = in(a, o);
        Page list = owner.get("/users");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("User Management", "Olga Tester", "OWNER", "(you)", m.email(), p1.email(),
                p2.email(), x.email(), "Never").doesNotContain(bo.email());
        assertThat(row(list, o).select("a")).isEmpty();
        assertThat(row(list, p1).select("a").eachText()).containsExactly("Manage Permissions", "Remove", "Make Owner");
        assertThat(row(list, o).text()).contains("OWNER").doesNotContain("Never");

        Visitor manager = in(a, m);
        Page managersView = manager.get("/users");
        assertThat(row(managersView, m).text()).contains("(you)");
        assertThat(row(managersView, m).select("a")).isEmpty();
        assertThat(row(managersView, p1).select("a").eachText()).containsExactly("Manage Permissions", "Remove");
    }

    @Test
    void searchByNamePrefixOrEmailPrefixAndAnEmptyState() {
        Visitor owner = in(a, o);

        assertThat(emails(owner.get("/users?q=pia"))).containsExactly(p1.email());
        assertThat(emails(owner.get("/users?q=" + p2.email().substring(0, 9)))).containsExactly(p2.email());
        Page none = owner.get("/users?q=nobody-here");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.text()).contains("No user of this account matches “nobody-here”.");
        assertThat(none.field("q").attr("value")).isEqualTo("nobody-here");
        assertThat(none.html().selectFirst("label[for=q]").text()).isEqualTo("Search by name or email address");
    }

    @Test
    void twentyFivePerPage() {
        for (int i = 0; i < 21; i++) {
            join(a, registrations.register("Zed"), "invoices");
        }
        Visitor owner = in(a, o);

        Page first = owner.get("/users");
        Page second = owner.get(first.html().selectFirst("a[rel=next]").attr("href"));

        assertThat(first.html().select("#users tbody tr")).hasSize(25);
        assertThat(emails(first).getFirst()).isEqualTo(o.email());
        assertThat(second.html().select("#users tbody tr")).hasSize(1);
        assertThat(first.html().select("a.page-link").eachText()).contains("Next");
    }

    @Test
    void pagesByCursorListEveryoneOnceWhileUsersJoinAndLeave() {
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Person zed = registrations.register("Zed");
            join(a, zed, "invoices");
            before.add(zed.id());
        }
        Visitor owner = in(a, o);
        Page first = owner.get("/users");
        List<Long> seen = new ArrayList<>(userIds(first));
        // Meanwhile one user on the page read leaves and three join: with OFFSET the next page would skip one.
        jdbc.sql("DELETE FROM memberships WHERE account_id = ? AND user_id = ?").params(a, seen.get(5)).update();
        List<Long> joined = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Person late = registrations.register("Late");
            join(a, late, "invoices");
            joined.add(late.id());
        }
        String next = first.html().selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("after=").doesNotContain("page=");
        for (int pages = 0; next != null && !next.isEmpty() && pages < 10; pages++) {
            Page page = owner.get(next);
            seen.addAll(userIds(page));
            next = page.html().selectFirst("a[rel=next]").attr("href");
        }

        assertThat(seen).doesNotHaveDuplicates().containsAll(before).containsAll(joined)
                .contains(o.id(), m.id(), p1.id(), p2.id(), x.id()).hasSize(5 + 60 + 3);
    }

    @Test
    void thePreviousLinkGoesBackAPageAndToTheFirstWithTheOwner() {
        for (int i = 0; i < 55; i++) {
            join(a, registrations.register("Zed"), "invoices");
        }
        Visitor owner = in(a, o);
        Page first = owner.get("/users");
        Page second = owner.get(first.html().selectFirst("a[rel=next]").attr("href"));
        Page third = owner.get(second.html().selectFirst("a[rel=next]").attr("href"));

        assertThat(first.html().selectFirst("a[rel=prev]").attr("aria-disabled")).isEqualTo("true");
        assertThat(userIds(owner.get(third.html().selectFirst("a[rel=prev]").attr("href")))).isEqualTo(userIds(second));
        assertThat(userIds(owner.get(second.html().selectFirst("a[rel=prev]").attr("href")))).isEqualTo(userIds(first));
        assertThat(userIds(first).getFirst()).isEqualTo(o.id());
        assertThat(userIds(third)).hasSize(5 + 55 - 50).doesNotContain(o.id());
    }

    @Test
    void aChangedCursorIsAFriendly400PageNotAnError() {
        for (int i = 0; i < 25; i++) {
            join(a, registrations.register("Zed"), "invoices");
        }
        Visitor owner = in(a, o);
        String next = owner.get("/users").html().selectFirst("a[rel=next]").attr("href");
        String cursor = next.substring(next.indexOf("after=") + "after=".length());
        String changed = (cursor.charAt(3) == 'A' ? "B" : "A");

        for (String url : List.of("/users?after=abc", "/users?before=abc",
                "/users?after=" + cursor.substring(0, 3) + changed + cursor.substring(4),
                "/users?q=zed&after=%25%27", "/users?after=" + cursor.substring(0, cursor.length() - 2))) {
            Page refused = owner.get(url);
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.text()).as(url).contains("Start again from the first page");
        }
    }

    @Test
    void theOwnerSetsExactlyTheChosenPermissionsAndTheChangeIsAudited() {
        Visitor owner = in(a, o);
        owner.get("/users/" + p2.id() + "/permissions");

        Page saved = owner.post("/users/" + p2.id() + "/permissions", choose("invoices", "quotes"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/users/" + p2.id() + "/permissions");
        assertThat(owner.get(saved.location()).text()).contains("Permissions saved for Paul Tester.");
        assertThat(stored(a, p2)).containsExactlyInAnyOrder("invoices", "quotes");
        assertThat(audit("membership.permissions_changed", a, p2))
                .contains("before=profile,invoices").contains("after=invoices,quotes");
    }

    @Test
    void theFormShowsLabelledBoxesTheProfileWarningAndDisablesWhatTheManagerLacks() {
        Visitor manager = in(a, m);
        Page form = manager.get("/users/" + p2.id() + "/permissions");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().select("input[type=checkbox][name=permissions]")).hasSize(catalogue.all().size());
        assertThat(form.html().selectFirst("label[for=permission-invoices]").text()).isEqualTo("View & Pay Invoices");
        assertThat(form.html().selectFirst("label[for=mode-choose]").text()).isEqualTo("Choose Permissions");
        assertThat(form.html().selectFirst("#permission-profile").hasAttr("disabled")).isTrue();
        assertThat(form.html().selectFirst("#permission-profile").hasAttr("checked")).isTrue();
        assertThat(form.html().select("#permissions-not-held")).hasSize(1);
        assertThat(form.html().selectFirst("#permissions-not-held").text()).startsWith("You do not hold the permissions");
        assertThat(form.html().select("[id$=-reason]")).isEmpty();
        assertThat(form.html().selectFirst("#permission-profile").attr("aria-describedby"))
                .isEqualTo("permissions-not-held permission-profile-warning");
        assertThat(form.html().selectFirst("#permission-orders").attr("aria-describedby")).isEqualTo("permissions-not-held");
        assertThat(form.html().selectFirst("#permission-profile-warning").text()).contains("including billing information");
        assertThat(form.html().selectFirst("#permission-quotes").hasAttr("disabled")).isFalse();
        assertThat(form.html().selectFirst("#permission-quotes").hasAttr("aria-describedby")).isFalse();
        assertThat(form.html().selectFirst("#permission-orders").hasAttr("disabled")).isTrue();
        assertThat(form.html().selectFirst("#mode-choose").hasAttr("checked")).isTrue();
    }

    @Test
    void aManagerWhoLacksAPermissionIsOfferedNeitherAllPermissionsNorAPresetWithIt() {
        Page form = in(a, m).get("/users/" + p2.id() + "/permissions");

        assertThat(form.html().select("#mode-all")).isEmpty();
        assertThat(form.html().select("input[name=mode]").eachAttr("value")).containsExactly("choose");

        join(a, p3(), "users,profile,invoices,quotes,orders");
        Page billing = in(a, p3).get("/users/" + p2.id() + "/permissions");
        assertThat(billing.html().select("#mode-all")).isEmpty();
        assertThat(billing.html().select("input[name=mode]").eachAttr("value"))
                .containsExactly("preset:Billing Manager", "choose");
        assertThat(billing.html().selectFirst("input[value=preset:Billing Manager]").attr("data-picker-preset"))
                .isEqualTo("profile invoices quotes orders");
    }

    @Test
    void theOwnerSeesEveryChoiceNoGreyedOutBoxAndUnderAllPermissionsEveryBoxTicked() {
        join(a, p3(), String.join(",", catalogue.everything()));
        Visitor owner = in(a, o);

        Page some = owner.get("/users/" + p2.id() + "/permissions");
        assertThat(some.html().selectFirst("label[for=mode-all]").text()).isEqualTo("All Permissions");
        assertThat(some.html().select("input[name=mode]").eachAttr("value"))
                .containsExactly("all", "preset:Administrator", "preset:Billing Manager", "choose");
        assertThat(some.html().select("#permissions-not-held")).isEmpty();
        assertThat(some.html().select("input[type=checkbox][disabled]")).isEmpty();
        assertThat(some.html().selectFirst("#permission-boxes").text()).doesNotContain("greyed out");

        Page all = owner.get("/users/" + p3.id() + "/permissions");
        assertThat(all.html().selectFirst("#mode-all").hasAttr("checked")).isTrue();
        assertThat(all.html().select("input[type=checkbox][name=permissions]:not([checked])")).isEmpty();
        assertThat(all.html().select("input[type=checkbox][name=permissions]")).hasSize(catalogue.all().size());
    }

    @Test
    void allPermissionsOrAPresetThatWasNotOfferedIsRefusedAndChangesNothing() {
        Visitor manager = in(a, m);
        manager.get("/users/" + p2.id() + "/permissions");

        Page all = manager.post("/users/" + p2.id() + "/permissions",
                List.of(Map.entry("mode", "all"), Map.entry("version", "0")));
        Page administrator = manager.post("/users/" + p2.id() + "/permissions",
                List.of(Map.entry("mode", "preset:Administrator"), Map.entry("version", "0")));

        assertThat(all.status()).isEqualTo(403);
        assertThat(all.text()).contains("You can grant or take away only permissions that you hold yourself.");
        assertThat(administrator.status()).isEqualTo(403);
        assertThat(stored(a, p2)).containsExactlyInAnyOrder("invoices", "profile");
        assertThat(count("membership.permissions_changed", a)).isZero();
    }

    @Test
    void aManagerWhoHoldsEveryPermissionIsOfferedAllPermissions() {
        join(a, p3(), String.join(",", catalogue.everything()));
        Visitor everything = in(a, p3);

        Page form = everything.get("/users/" + p1.id() + "/permissions");
        assertThat(form.html().select("input[name=mode]").eachAttr("value"))
                .containsExactly("all", "preset:Administrator", "preset:Billing Manager", "choose");
        assertThat(form.html().select("#permissions-not-held")).isEmpty();

        Page saved = everything.post("/users/" + p1.id() + "/permissions",
                List.of(Map.entry("mode", "all"), Map.entry("version", "0")));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(stored(a, p1)).isEqualTo(new TreeSet<>(catalogue.everything()));
    }

    @Test
    void aManagerAppliesAPresetHeHoldsEntirely() {
        join(a, p3(), "users,profile,invoices,quotes,orders");
        Visitor billing = in(a, p3);
        billing.get("/users/" + p1.id() + "/permissions");

        Page saved = billing.post("/users/" + p1.id() + "/permissions",
                List.of(Map.entry("mode", "preset:Billing Manager"), Map.entry("version", "0")));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(stored(a, p1)).containsExactlyInAnyOrder("profile", "invoices", "quotes", "orders");
    }

    @Test
    void theListSaysAllPermissionsForTheOwnerAndWhoeverHoldsEveryPermission() {
        join(a, p3(), String.join(",", catalogue.everything()));
        Page list = in(a, o).get("/users");

        assertThat(row(list, o).text()).contains("All permissions");
        assertThat(row(list, p3).text()).contains("All permissions").doesNotContain("View & Pay Invoices");
        assertThat(row(list, p2).text()).contains("View & Pay Invoices", "Modify Master Account Profile")
                .doesNotContain("All permissions");
    }

    @Test
    void aManagerChangesOnlyThePermissionsHeHoldsAndProfileStays() {
        Visitor manager = in(a, m);
        manager.get("/users/" + p2.id() + "/permissions");

        Page saved = manager.post("/users/" + p2.id() + "/permissions", choose("quotes"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(stored(a, p2)).containsExactlyInAnyOrder("profile", "quotes");
    }

    @Test
    void aCraftedEscalationChangesNothingBeyondTheManagersRights() {
        Visitor manager = in(a, m);
        manager.get("/users/" + p1.id() + "/permissions");
        List<Map.Entry<String, String>> crafted = new ArrayList<>(choose("invoices", "orders", "profile", "users"));
        crafted.add(Map.entry("owner", "true"));
        crafted.add(Map.entry("accountId", String.valueOf(b)));
        crafted.add(Map.entry("userId", String.valueOf(bo.id())));

        manager.post("/users/" + p1.id() + "/permissions", crafted);

        assertThat(stored(a, p1)).containsExactlyInAnyOrder("invoices", "users");
        assertThat(owner(a)).isEqualTo(o.id());
        assertThat(stored(b, x)).containsExactlyInAnyOrder("users", "tickets");
        assertThat(stored(a, m)).containsExactlyInAnyOrder("users", "invoices", "quotes");

        manager.post("/users/" + p2.id() + "/permissions", choose("invoices", "quotes", "users", "orders", "profile"));
        assertThat(stored(a, p2)).containsExactlyInAnyOrder("profile", "invoices", "quotes", "users");
    }

    @Test
    void anUnknownPermissionIs400AndChangesNothing() {
        Visitor owner = in(a, o);
        owner.get("/users/" + p1.id() + "/permissions");

        Page page = owner.post("/users/" + p1.id() + "/permissions", choose("quotes", "launch_missiles"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(stored(a, p1)).containsExactly("invoices");
        assertThat(count("membership.permissions_changed", a)).isZero();
    }

    @Test
    void nobodyEditsOrRemovesTheOwnerAndNobodyEditsThemselves() {
        Visitor manager = in(a, m);
        manager.get("/users");
        String ownerBefore = rawPermissions(a, o);

        assertThat(manager.get("/users/" + o.id() + "/permissions").status()).isEqualTo(403);
        Page crafted = manager.post("/users/" + o.id() + "/permissions", choose("invoices"));
        assertThat(crafted.status()).isEqualTo(403);
        assertThat(crafted.text()).contains("Nobody can change or remove the account owner.");
        assertThat(manager.post("/users/" + o.id() + "/remove", Map.of()).status()).isEqualTo(403);
        assertThat(rawPermissions(a, o)).isEqualTo(ownerBefore);
        assertThat(owner(a)).isEqualTo(o.id());

        assertThat(manager.get("/users/" + m.id() + "/permissions").status()).isEqualTo(403);
        Page self = manager.post("/users/" + m.id() + "/permissions", choose("users", "invoices", "quotes", "orders"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.text()).contains("You cannot change your own permissions");
        assertThat(manager.post("/users/" + m.id() + "/remove", Map.of()).status()).isEqualTo(403);
        assertThat(stored(a, m)).containsExactlyInAnyOrder("users", "invoices", "quotes");

        Visitor owner = in(a, o);
        owner.get("/users");
        assertThat(owner.post("/users/" + o.id() + "/permissions", choose("invoices")).status()).isEqualTo(403);
        assertThat(rawPermissions(a, o)).isEqualTo(ownerBefore);
        assertThat(count("membership.permissions_changed", a)).isZero();
    }

    @Test
    void aManagerRemovesOnlyHisEqualsOrBelowAfterAConfirmation() {
        Visitor manager = in(a, m);

        Page confirm = manager.get("/users/" + p1.id() + "/remove");
        assertThat(confirm.text()).contains("Remove Pia Tester from Olga Tester? They lose access at once.");
        assertThat(member(a, p1)).isTrue();

        Page refused = manager.post("/users/" + p2.id() + "/remove", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("You can only remove users whose permissions are all within your own.");
        assertThat(member(a, p2)).isTrue();

        Page removed = manager.post("/users/" + p1.id() + "/remove", Map.of());
        assertThat(removed.location()).endsWith("/users");
        assertThat(manager.get("/users").text()).contains("Pia Tester was removed from this account.");
        assertThat(member(a, p1)).isFalse();
        assertThat(audit("membership.removed", a, p1)).contains("permissions=invoices");
    }

    @Test
    void aUserWithoutTheUsersPermissionGets403OnEveryPageAndPost() {
        Visitor pia = in(a, p1);
        pia.get("/");

        Page list = pia.get("/users");
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.text()).contains("You do not have access to this page");
        assertThat(pia.get("/users/" + p2.id() + "/permissions").status()).isEqualTo(403);
        assertThat(pia.get("/users/" + p2.id() + "/remove").status()).isEqualTo(403);
        assertThat(pia.post("/users/" + p2.id() + "/permissions", choose("invoices")).status()).isEqualTo(403);
        assertThat(pia.post("/users/" + x.id() + "/remove", Map.of()).status()).isEqualTo(403);
        assertThat(pia.post("/users/" + x.id() + "/make-owner", Map.of("currentPassword", p1.password())).status())
                .isEqualTo(403);
        assertThat(pia.get("/").text()).doesNotContain("User Management");
        assertThat(stored(a, p2)).containsExactlyInAnyOrder("profile", "invoices");
        assertThat(member(a, x)).isTrue();
        assertThat(owner(a)).isEqualTo(o.id());
    }

    @Test
    void aUserLeavesAfterAConfirmationAndTheOwnerCannot() {
        Visitor pia = in(a, p1);
        assertThat(pia.get("/").text()).contains("Leave this account");
        assertThat(pia.get("/leave").text()).contains("Leave Olga Tester? You lose access at once");

        Page left = pia.post("/leave", Map.of());

        assertThat(left.location()).endsWith("/accounts");
        assertThat(pia.get("/accounts").text()).contains("You left Olga Tester.");
        assertThat(member(a, p1)).isFalse();
        assertThat(audit("membership.left", a, p1)).contains("permissions=invoices");

        Visitor owner = in(a, o);
        assertThat(owner.get("/").text()).doesNotContain("Leave this account");
        assertThat(owner.get("/leave").status()).isEqualTo(403);
        Page refused = owner.post("/leave", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("The owner cannot leave the account.");
        assertThat(member(a, o)).isTrue();
    }

    @Test
    void ownershipMovesWithTheRightPasswordOnlyAndTheOldOwnerKeepsEveryPermission() {
        Visitor owner = in(a, o);
        Page confirm = owner.get("/users/" + m.id() + "/make-owner");
        assertThat(confirm.html().selectFirst("label[for=currentPassword]").text()).isEqualTo("Current password");

        Page wrong = owner.post("/users/" + m.id() + "/make-owner", Map.of("currentPassword", "not-my-password-1"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.html().selectFirst("#currentPassword-error").text()).isEqualTo("Your current password is not correct.");
        assertThat(owner(a)).isEqualTo(o.id());
        assertThat(count("membership.ownership_transferred", a)).isZero();

        Visitor manager = in(a, m);
        manager.get("/users");
        assertThat(manager.post("/users/" + p1.id() + "/make-owner", Map.of("currentPassword", m.password())).status())
                .isEqualTo(403);
        assertThat(owner(a)).isEqualTo(o.id());

        owner.get("/users/" + m.id() + "/make-owner");
        Page moved = owner.post("/users/" + m.id() + "/make-owner", Map.of("currentPassword", o.password()));
        assertThat(moved.location()).endsWith("/users");
        assertThat(owner.get("/users").text()).contains("Max Tester is now the owner of this account.");
        assertThat(owner(a)).isEqualTo(m.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = ? AND owner_user_id IN (?, ?)")
                .params(a, o.id(), m.id()).query(Integer.class).single()).isEqualTo(1);
        assertThat(stored(a, o)).isEqualTo(new TreeSet<>(catalogue.everything()));
        assertThat(audit("membership.ownership_transferred", a, m)).contains("from=" + o.id()).contains("to=" + m.id());
        assertThat(owner.get("/users/" + p1.id() + "/make-owner").status()).isEqualTo(403);
    }

    @Test
    void everyRouteWithAnIdOfAnotherAccountAnswersLikeAMissingOne() {
        Visitor owner = in(a, o);
        owner.get("/users");
        for (String route : List.of("/permissions", "/remove", "/make-owner")) {
            Page foreign = owner.get("/users/" + bo.id() + route);
            Page missing = owner.get("/users/" + NO_SUCH_USER + route);
            assertThat(foreign.status()).as("GET " + route).isEqualTo(404);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(foreign.text()).isEqualTo(missing.text());

            Page foreignPost = owner.post("/users/" + bo.id() + route,
                    List.of(Map.entry("permissions", "invoices"), Map.entry("currentPassword", o.password())));
            Page missingPost = owner.post("/users/" + NO_SUCH_USER + route,
                    List.of(Map.entry("permissions", "invoices"), Map.entry("currentPassword", o.password())));
            assertThat(foreignPost.status()).as("POST " + route).isEqualTo(404);
            assertThat(missingPost.status()).isEqualTo(404);
            assertThat(foreignPost.text()).isEqualTo(missingPost.text());
        }
        assertThat(owner(b)).isEqualTo(bo.id());
        assertThat(member(b, bo)).isTrue();

        Visitor brunoInB = in(b, bo);
        brunoInB.get("/users");
        assertThat(brunoInB.post("/users/" + p1.id() + "/remove", Map.of()).status()).isEqualTo(404);
        assertThat(brunoInB.post("/users/" + x.id() + "/permissions", choose("tickets")).status()).isEqualTo(302);
        assertThat(stored(b, x)).containsExactly("tickets");
        assertThat(stored(a, x)).containsExactly("invoices");
        assertThat(member(a, p1)).isTrue();
    }

    @Test
    void withoutTheCsrfTokenNothingChanges() {
        Visitor owner = in(a, o);
        owner.get("/users");

        assertThat(owner.postRaw("/users/" + p2.id() + "/permissions", choose("quotes")).status()).isEqualTo(403);
        assertThat(owner.postRaw("/users/" + p1.id() + "/remove", Map.of()).status()).isEqualTo(403);
        assertThat(owner.postRaw("/users/" + m.id() + "/make-owner", Map.of("currentPassword", o.password())).status())
                .isEqualTo(403);

        assertThat(stored(a, p2)).containsExactlyInAnyOrder("profile", "invoices");
        assertThat(member(a, p1)).isTrue();
        assertThat(owner(a)).isEqualTo(o.id());
    }

    @Test
    void aRemovedUserLosesAccessOnTheVeryNextRequestAndHtmxIsToldWhereToGo() {
        Visitor pia = in(a, p1);
        assertThat(pia.get("/").status()).isEqualTo(200);
        Visitor xena = in(a, x);
        assertThat(xena.get("/").status()).isEqualTo(200);

        Visitor owner = in(a, o);
        owner.get("/users");
        owner.post("/users/" + p1.id() + "/remove", Map.of());
        owner.post("/users/" + x.id() + "/remove", Map.of());

        Page next = pia.get("/");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).endsWith("/accounts");
        assertThat(pia.get(next.location()).text())
                .contains("You no longer have access to the account you were using.");

        Page htmx = xena.htmxGet("/account");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/accounts");
        assertThat(htmx.location()).isNull();
    }

    @Test
    void theMenuOffersUserManagementOnlyToThoseWhoMayUseIt() {
        assertThat(menu(in(a, o))).contains("User Management", "Account details");
        assertThat(menu(in(a, m))).contains("User Management").doesNotContain("Account details");
        assertThat(menu(in(a, p1))).doesNotContain("User Management", "Account details");
        assertThat(menu(in(a, p2))).contains("Account details").doesNotContain("User Management");
    }

    private static String menu(Visitor visitor) {
        return visitor.get("/").html().select("[aria-labelledby=user-menu]").text();
    }

    /** As the form sends it for a membership or invitation nobody changed yet (version 0). */
    private static List<Map.Entry<String, String>> choose(String... permissions) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("mode", "choose"));
        fields.add(Map.entry("version", "0"));
        for (String permission : permissions) {
            fields.add(Map.entry("permissions", permission));
        }
        return fields;
    }

    private static org.jsoup.nodes.Element row(Page page, Person person) {
        return page.html().selectFirst("#users tr[data-user-id=" + person.id() + "]");
    }

    private static List<Long> userIds(Page page) {
        return page.html().select("#users tbody tr").stream().map(row -> Long.parseLong(row.attr("data-user-id")))
                .toList();
    }

    private static List<String> emails(Page page) {
        return page.html().select("#users tbody tr td:first-child .small").eachText();
    }

    /** A fifth user of A, registered on demand for the tests that need one more permission set. */
    private Person p3() {
        p3 = registrations.registerVerified("Pat");
        return p3;
    }

    private Visitor in(long accountId, Person person) {
        return Visitor.inAccount(port, accountId, person);
    }

    private void join(long accountId, Person person, String permissions) {
        new Rows(jdbc).member(accountId, person.id(), permissions);
    }

    private String rawPermissions(long accountId, Person person) {
        return jdbc.sql("SELECT permissions FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(accountId, person.id()).query(String.class).single();
    }

    private Set<String> stored(long accountId, Person person) {
        return new TreeSet<>(PermissionCatalogue.split(rawPermissions(accountId, person)));
    }

    private boolean member(long accountId, Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE account_id = ? AND user_id = ?")
                .params(accountId, person.id()).query(Integer.class).single() == 1;
    }

    private long owner(long accountId) {
        return jdbc.sql("SELECT owner_user_id FROM accounts WHERE id = ?").param(accountId).query(Long.class).single();
    }

    private String audit(String action, long accountId, Person user) {
        return jdbc.sql("SELECT details FROM audit_events WHERE action = ? AND account_id = ? AND user_id = ?")
                .params(action, accountId, user.id()).query(String.class).single();
    }

    private int count(String action, long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = ? AND account_id = ?")
                .params(action, accountId).query(Integer.class).single();
    }
}
