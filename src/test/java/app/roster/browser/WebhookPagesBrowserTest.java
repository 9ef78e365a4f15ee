package app.roster.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.Browser;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Phone;
import app.roster.support.WithSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The Admin Area's "Webhooks" pages in Chromium, so that axe-core sees every one of them at 1280 px and at 375 px:
 * the endpoint list, the register form, the secret shown once (the answer to a POST, checked explicitly: its path
 * is the list's), the endpoint with its delivery log (checked again once the log has a row), and the rotate, redeliver and disable confirmations. The
 * endpoint points at a closed port of 127.0.0.1, so its test event stays in the log, pending.
 */
@IntegrationTest
@PageTest
@WithSettings({"roster.webhooks.allowed-addresses=127.0.0.1", "roster.webhooks.allow-http=true"})
class WebhookPagesBrowserTest {

    private static final String STAFF_PASSWORD = "amber falcon river slate";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;

    String staffEmail;
    String target;

    @BeforeEach
    void setUp() {
        staffEmail = "ada-" + UUID.randomUUID() + "@example.com";
        jdbc.sql("INSERT INTO staff (email, name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(staffEmail, "Ada Admin", encoder.encode(STAFF_PASSWORD), "ADMINISTRATOR",
                        Timestamp.from(Instant.now())).update();
        target = "http://127.0.0.1:" + closedPort() + "/hooks/" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("UPDATE webhook_endpoints SET enabled = FALSE WHERE url LIKE ?").param(target + "%").update();
    }

    @Test
    void anAdministratorRegistersTestsRotatesAndDisablesAnEndpointAtDesktopWidth() {
        try (Browser browser = new Browser(port)) {
            logIn(browser);
            browser.open("/admin/webhooks").click("Register endpoint").waitForPath("/admin/webhooks/new");
            register(browser, "Billing hooks");
            browser.accessibleNow();
            assertThat(browser.find("input#secret").getAttribute("value")).startsWith("whsec_");

            browser.click("Back to the endpoint").waitForText("Nothing");
            String endpoint = browser.path();
            browser.click("Send test event").waitForText("A test event");
            assertThat(browser.find("#deliveries tbody tr").getText()).contains("webhook.test", "Pending");
            browser.accessibleNow();
            browser.open("/admin/webhooks");
            assertThat(browser.text()).contains("Billing hooks");

            browser.open(endpoint).click("Rotate secret").waitForPath(endpoint + "/rotate-secret");
            browser.click("Rotate secret").waitForText("New signing secret").accessibleNow();

            browser.open(endpoint + "/redeliver?since=2026-01-01T00:00").waitForText("Redeliver events");
            browser.open(endpoint).click("Disable").waitForPath(endpoint + "/disable");
            browser.click("Disable endpoint").waitForPath(endpoint);
            assertThat(browser.find("#endpoint-details").getText()).contains("Disabled");
        }
    }

    @Test
    void theWebhookPagesFitAPhone() {
        try (Browser browser = new Browser(port); Phone phone = Phone.of(browser)) {
            logIn(browser);
            phone.fits("/admin/webhooks/new", "webhook-register");
            register(browser, "Provisioning hooks with a rather long description that has to wrap on a phone");
            phone.fitsAsItIs("webhook-secret");
            phone.inView(browser.find("#back"));

            browser.click("Back to the endpoint").waitForText("Nothing");
            String endpoint = browser.path();
            browser.click("Send test event").waitForText("A test event");
            phone.fits(endpoint, "webhook-endpoint");
            assertThat(browser.find("#deliveries tbody tr").getCssValue("display")).isEqualTo("block");
            assertThat(browser.find("#deliveries tbody tr td:nth-child(2)").getAttribute("data-label"))
                    .isEqualTo("Attempts");
            phone.fits("/admin/webhooks", "webhook-endpoints");
            phone.fits(endpoint + "/rotate-secret", "webhook-rotate");
            browser.click("Rotate secret").waitForText("New signing secret");
            phone.fitsAsItIs("webhook-secret-rotated");
            phone.fits(endpoint + "/redeliver?since=2026-01-01T00:00", "webhook-redeliver");
            phone.fits(endpoint + "/disable", "webhook-disable");
        }
    }

    private void logIn(Browser browser) {
        browser.open("/admin/login").fill("Email address", staffEmail).fill("Password", STAFF_PASSWORD)
                .click("Log in").waitForPath("/admin");
    }

    private void register(Browser browser, String description) {
        browser.fill("URL", target).fill("Description", description).check("All events")
                .click("Register endpoint").waitForText("Endpoint registered");
    }

    /** A port of 127.0.0.1 nothing listens on: deliveries to it fail, and the log keeps them for the page. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
