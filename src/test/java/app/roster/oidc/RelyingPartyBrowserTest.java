package app.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roster.oidc.RegisterClient.NewClient;
import app.roster.oidc.RegisterClient.Registered;
import app.roster.support.Browser;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Secrets;
import app.roster.support.TestInfrastructure;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import relyingparty.ReceivedLogouts;
import relyingparty.RelyingParty;

/**
 * A real relying party (Spring Security's OAuth2 client, {@link RelyingParty}) on its own port, signing its users
 * in with Roster in Chromium. Roster runs on a port known before it starts, so that its issuer (the base URL) is
 * the address the client discovers it at, as in production; the shop is on {@code localhost}, Roster on
 * {@code 127.0.0.1}, so the browser keeps their cookies apart as it would for two hosts.
 */
// IntegrationTest's own annotations, but on a port chosen before the start (a random one would be known too late).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = {TestInfrastructure.class, RelyingPartyBrowserTest.KnownAddress.class})
@Tag("database")
@Import(Registrations.class)
@PageTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelyingPartyBrowserTest {

    static final int ROSTER_PORT = freePort();
    static final String ROSTER = "http://127.0.0.1:" + ROSTER_PORT;

    /** After {@link TestInfrastructure}, whose random port it replaces. */
    static class KnownAddress implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("roster-known-address",
                    Map.of("server.port", String.valueOf(ROSTER_PORT), "roster.base-url", ROSTER)));
        }
    }

    @Autowired
    RegisterClient register;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext shop;
    String shopUrl;

    @BeforeAll
    void startTheShop() {
        int port = freePort();
        shopUrl = "http://localhost:" + port;
        Registered client = register.register(app.roster.oidc.RelyingParty.ADMINISTRATOR, new NewClient("Shop", true, true, null,
                Set.of(shopUrl + "/login/oauth2/code/roster"), Set.of(shopUrl + "/signed-out"),
                shopUrl + "/logout/connect/back-channel/roster", Set.of("openid", "profile", "email", "account"),
                false, Set.of()));
        shop = RelyingParty.start(port, ROSTER, client.client().clientId(), client.secret());
    }

    @AfterAll
    void stopTheShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void signsInThroughRosterShowsTheClaimsAndLogsOutOfBoth() {
        Person ana = registrations.registerVerified("Ana");
        try (Browser browser = new Browser(ROSTER_PORT)) {
            signInAtTheShop(browser, ana);

            assertThat(browser.find("#sub").getText()).isEqualTo(String.valueOf(ana.id()));
            assertThat(browser.find("#email").getText()).isEqualTo(ana.email());
            assertThat(browser.find("#account").getText()).isEqualTo(accountName(registrations.accountOf(ana)));
            assertThat(browser.find("#permissions").getText()).contains("invoices", "users");
            assertThat(browser.find("#amr").getText()).isEqualTo("pwd");

            browser.click("Log out").waitForText("You are signed out of the shop.");
            assertThat(browser.url()).isEqualTo(shopUrl + "/signed-out");
            browser.open(ROSTER + "/profile").waitForPath("/login");
        }
    }

    @Test
    void aUserWithTwoFactorSignsInWithTheirCode() {
        Person dana = registrations.registerVerified("Dana");
        try (Browser browser = new Browser(ROSTER_PORT)) {
            browser.open("/login").fill("Email address", dana.email()).fill("Password", dana.password())
                    .click("Log in").waitForPath("/");
            browser.open("/profile/two-factor");
            String secret = browser.find("#secret").getText();
            browser.fill("Code", code(secret, 0)).click("Turn on two-factor authentication")
                    .waitForText("Two-factor authentication is on");
            browser.chooseFromUserMenu("Log out").waitForText("You are logged out.");

            browser.open(shopUrl + "/").waitForPath("/login");
            browser.fill("Email address", dana.email()).fill("Password", dana.password()).click("Log in")
                    .waitForPath("/login/two-factor");
            // The enrolment code's step counts as used: the app's next code is the one that opens.
            browser.fill("Code", code(secret, 1)).click("Verify");
            waitForTheShop(browser);

            assertThat(browser.find("#amr").getText()).isEqualTo("pwd,otp,mfa");
        }
    }

    @Test
    void aUserOfTwoAccountsChoosesWhichOneTheShopSees() {
        Person bob = registrations.registerVerified("Bob");
        long bobsAccount = registrations.accountOf(bob);
        Person ana = registrations.registerVerified("Ana");
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, active, created_at) "
                + "VALUES (?, ?, 'tickets', TRUE, CURRENT_TIMESTAMP)").params(bobsAccount, ana.id()).update();
        try (Browser browser = new Browser(ROSTER_PORT)) {
            browser.open(shopUrl + "/").waitForPath("/login");
            browser.fill("Email address", ana.email()).fill("Password", ana.password()).click("Log in")
                    .waitForText("Which client account do you want to use in Shop?");

            browser.click(accountName(bobsAccount));
            waitForTheShop(browser);

            assertThat(browser.find("#account").getText()).isEqualTo(accountName(bobsAccount));
            assertThat(browser.find("#permissions").getText()).isEqualTo("tickets");
        }
    }

    @Test
    void aRefreshShowsTheNewPermissionsAndFailsOnceRevoked() {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        Person mia = registrations.registerVerified("Mia");
        jdbc.sql("DELETE FROM memberships WHERE user_id = ?").param(mia.id()).update();
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, active, created_at) "
                + "VALUES (?, ?, 'invoices', TRUE, CURRENT_TIMESTAMP)").params(account, mia.id()).update();
        try (Browser browser = new Browser(ROSTER_PORT)) {
            signInAtTheShop(browser, mia);
            assertThat(browser.find("#permissions").getText()).isEqualTo("invoices");

            jdbc.sql("UPDATE memberships SET permissions = 'invoices,tickets' WHERE user_id = ?").param(mia.id())
                    .update();
            browser.click("Refresh").waitForText("Back");
            assertThat(browser.find("#permissions").getText()).isEqualTo("invoices,tickets");

            browser.click("Back");
            waitForTheShop(browser);
            browser.click("Revoke").waitForText("Revoked");
            browser.click("Refresh");
            assertThat(browser.find("#refused").getText()).isEqualTo("invalid_grant");
        }
    }

    @Test
    void aPasswordChangeAtRosterEndsTheShopsSessionThroughTheBackChannel() throws Exception {
        Person eli = registrations.registerVerified("Eli");
        try (Browser browser = new Browser(ROSTER_PORT)) {
            signInAtTheShop(browser, eli);
            Cookie shopSession = browser.driver().manage().getCookieNamed("JSESSIONID");
            assertThat(statusAtTheShop(shopSession)).isEqualTo(200);

            browser.open(ROSTER + "/profile");
            browser.find("#currentPassword").sendKeys(eli.password());
            browser.find("#newPassword").sendKeys("quiet-lantern-orchard-77");
            browser.click("Change password").waitForText("Your password was changed.");

            // Other tests' logouts reach the shop too: this one is Eli's.
            ReceivedLogouts received = shop.getBean(ReceivedLogouts.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> logoutsOf(received, eli).size() == 1);
            var claims = logoutsOf(received, eli).getFirst();
            assertThat(claims.getIssuer()).isEqualTo(ROSTER);
            assertThat(claims.getClaims()).doesNotContainKey("sid");
            await().atMost(Duration.ofSeconds(5)).until(() -> statusAtTheShop(shopSession) == 302);
        }
    }

    /** The person's logouts, one per jti (a logout posted again is the same logout). */
    private static List<JWTClaimsSet> logoutsOf(ReceivedLogouts received, Person person) throws ParseException {
        Map<String, JWTClaimsSet> claims = new LinkedHashMap<>();
        for (String token : received.tokens()) {
            JWTClaimsSet set = SignedJWT.parse(token).getJWTClaimsSet();
            if (set.getSubject().equals(String.valueOf(person.id()))) {
                claims.putIfAbsent(set.getJWTID(), set);
            }
        }
        return new ArrayList<>(claims.values());
    }

    private void signInAtTheShop(Browser browser, Person person) {
        browser.open(shopUrl + "/").waitForPath("/login");
        browser.fill("Email address", person.email()).fill("Password", person.password()).click("Log in");
        waitForTheShop(browser);
    }

    private void waitForTheShop(Browser browser) {
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.url().startsWith(shopUrl + "/")
                    && URI.create(browser.url()).getPath().equals("/") && !browser.findAll("#claims").isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Not at the shop's home page but at " + browser.url() + ": " + browser.text(), e);
        }
    }

    /** The shop's home page as the browser's session cookie there opens it, without following redirects. */
    private int statusAtTheShop(Cookie session) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(shopUrl + "/"))
                    .header("Cookie", session.getName() + "=" + session.getValue()).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private String accountName(long accountId) {
        return jdbc.sql("SELECT name FROM accounts WHERE id = ?").param(accountId).query(String.class).single();
    }

    /** The TOTP code of the current 30-second step plus {@code ahead}. */
    private static String code(String secret, int ahead) {
        try {
            return new DefaultCodeGenerator().generate(Secrets.record("TOTP secret", secret), Instant.now().getEpochSecond() / 30 + ahead);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
