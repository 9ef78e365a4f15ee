package app.roster.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations.Person;
import app.roster.support.Tenants;
import app.roster.support.Tenants.Tenant;
import app.roster.support.Visitor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The start page links every Client Area page the user may open, and none that would refuse them. */
@IntegrationTest
@PageTest
class DashboardLinksIT {

    private static final List<String> CLIENT_AREA_PAGES = List.of("/account", "/users", "/users/invite", "/contacts",
            "/account/domains", "/account/tokens", "/profile", "/profile/security", "/profile/tokens",
            "/profile/applications");

    @LocalServerPort
    int port;
    @Autowired
    Tenants tenants;

    @Test
    void theOwnerIsLedToEveryPage() {
        Tenant tenant = tenants.withMember("invoices");
        Visitor olga = loggedIn(tenant.owner(), tenant.account());

        assertThat(dashboardLinks(olga)).containsExactlyInAnyOrderElementsOf(CLIENT_AREA_PAGES);
        assertEveryLinkOpensAndEveryOtherPageRefuses(olga);
    }

    @Test
    void aMemberWithFewPermissionsIsLedOnlyToWhatTheyMayOpen() {
        Tenant tenant = tenants.withMember("invoices");
        Visitor max = loggedIn(tenant.member(), tenant.account());

        assertThat(dashboardLinks(max)).containsExactlyInAnyOrder("/profile", "/profile/security", "/profile/tokens",
                "/profile/applications");
        assertEveryLinkOpensAndEveryOtherPageRefuses(max);
    }

    @Test
    void aMemberWithContactsAndUsersSeesThoseAndNotTheOwnersPages() {
        Tenant tenant = tenants.withMember("contacts,users");
        Visitor max = loggedIn(tenant.member(), tenant.account());

        assertThat(dashboardLinks(max)).contains("/contacts", "/users", "/users/invite")
                .doesNotContain("/account", "/account/domains", "/account/tokens");
        assertEveryLinkOpensAndEveryOtherPageRefuses(max);
    }

    private Visitor loggedIn(Person person, long account) {
        Visitor visitor = new Visitor(port);
        visitor.login(person.email(), person.password());
        visitor.get("/accounts");
        assertThat(visitor.post("/accounts/" + account + "/select", Map.of()).location()).endsWith("/");
        return visitor;
    }

    private static List<String> dashboardLinks(Visitor visitor) {
        Visitor.Page start = visitor.get("/");
        assertThat(start.status()).isEqualTo(200);
        return start.html().select("#dashboard-links a").stream().map(a -> a.attr("href")).toList();
    }

    private static void assertEveryLinkOpensAndEveryOtherPageRefuses(Visitor visitor) {
        List<String> links = dashboardLinks(visitor);
        for (String page : CLIENT_AREA_PAGES) {
            int status = visitor.get(page).status();
            if (links.contains(page)) {
                assertThat(status).as("linked page %s", page).isEqualTo(200);
            } else {
                assertThat(status).as("unlinked page %s", page).isEqualTo(403);
            }
        }
    }
}
