package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.mail.MailComposer;
import app.roster.mail.OutgoingMail;
import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.Phone;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.Visitor.Page;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A host's brand in pages of both areas, in its stylesheet and in emails. */
@IntegrationTest
@TestPropertySource(properties = {
    "roster.product-name=Hostco",
    "roster.brand.logo-url=https://cdn.hostco.example/logo.svg",
    "roster.brand.primary-color=#063",
    "roster.brand.favicon-url=/favicon.ico",
    "roster.brand.support-url=https://help.hostco.example",
    "roster.brand.footer-links=Terms|https://hostco.example/terms,Status|/status"
})
class BrandIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    MailComposer mail;
    @Autowired
    app.roster.shared.BaseUrl baseUrl;

    @Test
    void theClientAreaShowsTheLogoFaviconColourAndFooterLinks() {
        Page loginPage = new Visitor(port).get("/login");
        assertThat(loginPage.status()).isEqualTo(200);
        Document login = loginPage.html();
        assertBranded(login);
        assertThat(login.selectFirst("header .navbar-brand img").attr("alt")).isEqualTo("Hostco");

        Person olga = registrations.registerVerified("Olga");
        Visitor user = new Visitor(port);
        user.login(olga.email(), olga.password());
        assertBranded(user.get("/profile").html());
    }

    @Test
    void inTheBrowserTheButtonsTakeThePrimaryColourAndTheCspHolds() {
        Person olga = registrations.registerVerified("Olga");
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            assertThat(browser.find("button[type=submit].btn-primary").getCssValue("background-color"))
                    .isEqualTo("rgba(0, 102, 51, 1)");
            browser.fill("Email address", olga.email()).fill("Password", olga.password()).click("Log in")
                    .waitForPath("/");
            Phone.screenshot(browser, "brand-dashboard");
            assertThat(browser.find("#footer-links").getText()).contains("Support", "Terms", "Status");
            Object cspViolations = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/css/brand.css')).length;");
            assertThat(((Number) cspViolations).intValue()).isEqualTo(1);
        }
    }

    @Test
    void theAdminAreaToo() {
        assertBranded(new Visitor(port).get("/admin/login").html());
    }

    @Test
    void theStylesheetSetsBootstrapsPrimaryColourAsCss() {
        Page css = new Visitor(port).get("/css/brand.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.body()).contains("--bs-primary: #006633;", "--bs-primary-rgb: 0, 102, 51;",
                "--bs-btn-hover-bg: #005229;").doesNotContain("<");
    }

    @Test
    void emailsShowTheLogoAndTheFooterLinksWithAbsoluteAddresses() {
        OutgoingMail composed = mail.compose("password-changed", "olga@example.com", Locale.ENGLISH,
                Map.of("firstName", "Olga", "byReset", false, "resetLink", "https://portal.hostco.example/password"));
        Document html = Jsoup.parse(composed.htmlBody());
        assertThat(html.selectFirst("img").attr("src")).isEqualTo("https://cdn.hostco.example/logo.svg");
        assertThat(html.selectFirst("img").attr("alt")).isEqualTo("Hostco");
        assertThat(html.select("#footer-links a").eachAttr("href")).containsExactly("https://help.hostco.example",
                "https://hostco.example/terms", baseUrl.value().toString().replaceAll("/$", "") + "/status");
        assertThat(html.select("#footer-links a").eachText()).containsExactly("Support", "Terms", "Status");
        assertThat(composed.subject()).contains("Hostco");
        assertThat(composed.textBody()).endsWith("The Hostco team\nSupport: https://help.hostco.example\n"
                + "Terms: https://hostco.example/terms\nStatus: " + baseUrl.value().toString().replaceAll("/$", "")
                + "/status\n");
    }

    private static void assertBranded(Document page) {
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).anyMatch(href -> href.startsWith("/css/brand"));
        assertThat(page.selectFirst("link[rel=icon]").attr("href")).isEqualTo("/favicon.ico");
        assertThat(page.selectFirst("header .navbar-brand img").attr("src")).isEqualTo("https://cdn.hostco.example/logo.svg");
        assertThat(page.select("#footer-links a").eachAttr("href")).containsExactly("https://help.hostco.example",
                "https://hostco.example/terms", "/status");
        assertThat(page.select("#footer-links a").eachText()).containsExactly("Support", "Terms", "Status");
        assertThat(page.select("[style]")).isEmpty();
    }
}
