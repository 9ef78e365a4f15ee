package app.roster.credential;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations.Person;
import app.roster.support.Registrations;
import app.roster.support.StaffMembers;
import app.roster.support.Visitor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credential pages over HTTP: an Administrator creates an API key (the secret on that one answer, never
 * again), Support only reads; a user creates a token with permissions they hold, the owner sees and revokes the
 * account's tokens, staff see and revoke a user's; every revoke asks first, and every form carries CSRF.
 */
@IntegrationTest
@PageTest
class CredentialPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffMembers staffMembers;
    @Autowired
    Registrations registrations;

    Visitor administrator;
    String supportEmail;

    @BeforeEach
    void staff() {
        supportEmail = staffMembers.add("sue", "SUPPORT");
        administrator = StaffMembers.loggedIn(port, staffMembers.add("ada", "ADMINISTRATOR"));
    }

    @Test
    void anAdministratorCreatesAKeyAndSeesItsSecretOnceThenRevokesItAfterConfirming() {
        Visitor.Page empty = administrator.get("/admin/api-keys");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.html().select("nav a[href=/admin/api-keys]")).hasSize(1);
        Visitor.Page form = administrator.get("/admin/api-keys/new");
        assertThat(form.html().select("form[action=/admin/api-keys] input[name=_csrf]")).hasSize(1);
        for (Element input : form.html().select("form[action=/admin/api-keys] input:not([type=hidden]), textarea")) {
            assertThat(form.html().select("label[for=" + input.id() + "]")).as("label of " + input.id()).hasSize(1);
        }

        String name = "Billing " + UUID.randomUUID().toString().substring(0, 6);
        Visitor.Page created = administrator.post("/admin/api-keys", List.of(Map.entry("name", name),
                Map.entry("scopes", "members:read"), Map.entry("scopes", "users:read"), Map.entry("expiresOn", ""),
                Map.entry("allowedSources", "")));

        assertThat(created.status()).isEqualTo(200);
        String secret = created.html().selectFirst("input#secret").attr("value");
        assertThat(secret).startsWith("roster_pk_");
        assertThat(created.html().select("button[data-copy=secret]")).hasSize(1);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(new ApiClient(port).get("/api/v1/permissions", secret).status()).isEqualTo(200);

        Visitor.Page list = administrator.get("/admin/api-keys");
        Element row = list.html().select("#api-keys tbody tr").stream()
                .filter(tr -> tr.text().contains(name)).findFirst().orElseThrow();
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(27));
        assertThat(row.text()).contains("members:read", "users:read", "No expiry", "Active", "by Staff");
        assertThat(row.text()).as("the last use is shown").contains("from 127.0.0.1");

        String revokePath = row.selectFirst("a[id^=revoke-]").attr("href");
        Visitor.Page confirm = administrator.get(revokePath);
        assertThat(confirm.html().selectFirst("#confirm-question").text()).contains(name);
        assertThat(administrator.post(revokePath, Map.of()).location()).endsWith("/admin/api-keys");
        assertThat(new ApiClient(port).get("/api/v1/permissions", secret).status()).isEqualTo(401);
        Visitor.Page after = administrator.open("/admin/api-keys");
        assertThat(after.html().selectFirst("#notice").text()).contains(name, "revoked");
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'credential.api_key_created' AND details LIKE ?")
                .param("%name=" + name + ";%").query(String.class).single()).isEqualTo("STAFF");
    }

    @Test
    void aRefusedFieldIsShownNextToItAndNothingIsCreated() {
        int before = jdbc.sql("SELECT COUNT(*) FROM api_keys").query(Integer.class).single();
        administrator.get("/admin/api-keys/new");

        Visitor.Page refused = administrator.post("/admin/api-keys", List.of(Map.entry("name", "Provisioning"),
                Map.entry("scopes", "members:read"), Map.entry("allowedSources", "10.0.0.0/8, example.com")));

        assertThat(refused.html().selectFirst("#sources-error").text()).contains("CIDR");
        assertThat(refused.html().selectFirst("#allowedSources").text()).isEqualTo("10.0.0.0/8, example.com");
        assertThat(refused.html().select("input#secret")).isEmpty();
        assertThat(administrator.post("/admin/api-keys", List.of(Map.entry("name", "No scopes")))
                .html().selectFirst("#scopes-error")).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void supportReadsTheKeysButCreatesAndRevokesNothing() {
        Visitor support = StaffMembers.loggedIn(port, supportEmail);

        Visitor.Page list = support.get("/admin/api-keys");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html().select("#create-key")).isEmpty();
        assertThat(support.get("/admin/api-keys/new").status()).isEqualTo(403);
        assertThat(support.post("/admin/api-keys", List.of(Map.entry("name", "X"), Map.entry("scopes", "members:read")))
                .status()).isEqualTo(403);
    }

    @Test
    void aUserCreatesATokenWithPermissionsTheyHoldAndSeesItOnce() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        Person max = registrations.registerVerified("Max");
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'invoices', ?)")
                .params(account, max.id(), Timestamp.from(Instant.now())).update();
        jdbc.sql("DELETE FROM memberships WHERE user_id = ? AND account_id <> ?").params(max.id(), account).update();
        Visitor browser = new Visitor(port);
        browser.login(max.email(), max.password());

        Visitor.Page page = browser.get("/profile/tokens");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst("#tokens-empty").text()).contains("Create one");
        assertThat(page.html().select("input[name=permissions]")).extracting(input -> input.attr("value"))
                .containsExactly("invoices");
        assertThat(page.html().select("#new-token input[name=_csrf]")).hasSize(1);
        assertThat(page.html().select("#account-tokens")).as("not the owner").isEmpty();

        Visitor.Page escalation = browser.post("/profile/tokens", List.of(Map.entry("name", "Sneaky"),
                Map.entry("permissions", "invoices"), Map.entry("permissions", "users"), Map.entry("lifetime", "30")));
        assertThat(escalation.html().selectFirst("#permissions-error").text()).contains("hold");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_tokens WHERE user_id = ?").param(max.id())
                .query(Integer.class).single()).isZero();

        Visitor.Page created = browser.post("/profile/tokens", List.of(Map.entry("name", "Deploy script"),
                Map.entry("permissions", "invoices"), Map.entry("lifetime", "30")));
        String secret = created.html().selectFirst("input#secret").attr("value");
        assertThat(secret).startsWith("roster_pat_");
        ApiClient.Response self = new ApiClient(port).get("/api/v1/accounts/" + account + "/members/" + max.id(), secret);
        assertThat(self.status()).isEqualTo(200);

        Visitor.Page list = browser.get("/profile/tokens");
        assertThat(list.body()).doesNotContain(secret).doesNotContain(secret.substring(28));
        Element row = list.html().selectFirst("#tokens tbody tr");
        assertThat(row.text()).contains("Deploy script", "View & Pay Invoices", "Active");
        String revoke = row.selectFirst("a[id^=revoke-]").attr("href");
        assertThat(browser.get(revoke).html().selectFirst("#confirm-question").text()).contains("Deploy script");
        assertThat(browser.post(revoke, Map.of()).location()).endsWith("/profile/tokens");
        assertThat(new ApiClient(port).get("/api/v1/permissions", secret).status()).isEqualTo(401);
        assertThat(browser.open("/profile/tokens").html().selectFirst("#tokens tbody tr").text()).contains("Revoked");
    }

    @Test
    void theOwnerSeesAndRevokesTheAccountsTokensAndNobodyElseDoes() {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        Person max = registrations.registerVerified("Max");
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'users', ?)")
                .params(account, max.id(), Timestamp.from(Instant.now())).update();
        jdbc.sql("DELETE FROM memberships WHERE user_id = ? AND account_id <> ?").params(max.id(), account).update();
        Visitor maxBrowser = new Visitor(port);
        maxBrowser.login(max.email(), max.password());
        maxBrowser.get("/profile/tokens");
        String secret = maxBrowser.post("/profile/tokens", List.of(Map.entry("name", "Max CI"),
                Map.entry("permissions", "users"), Map.entry("lifetime", "never"))).html().selectFirst("input#secret")
                .attr("value");
        long tokenId = jdbc.sql("SELECT id FROM personal_tokens WHERE user_id = ?").param(max.id())
                .query(Long.class).single();

        assertThat(maxBrowser.get("/account/tokens").status()).isEqualTo(403);
        assertThat(maxBrowser.get("/account/tokens/" + tokenId + "/revoke").status()).isEqualTo(403);

        Visitor olga = new Visitor(port);
        olga.login(owner.email(), owner.password());
        assertThat(olga.get("/users").html().select("a[href=/account/tokens]")).hasSize(1);
        Visitor.Page tokens = olga.get("/account/tokens");
        assertThat(tokens.html().selectFirst("#token-" + tokenId).text()).contains("Max CI", max.email());
        assertThat(olga.get("/profile/tokens/" + tokenId + "/revoke").status()).as("not her own token").isEqualTo(404);
        olga.get("/account/tokens/" + tokenId + "/revoke");
        assertThat(olga.post("/account/tokens/" + tokenId + "/revoke", Map.of()).location()).endsWith("/account/tokens");
        assertThat(new ApiClient(port).get("/api/v1/permissions", secret).status()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE action = 'credential.token_revoked' AND user_id = ?")
                .param(max.id()).query(String.class).single()).contains("by=owner");

        Person stranger = registrations.registerVerified("Stranger");
        Visitor strangerBrowser = new Visitor(port);
        strangerBrowser.login(stranger.email(), stranger.password());
        assertThat(strangerBrowser.get("/account/tokens/" + tokenId + "/revoke").status()).isEqualTo(404);
        assertThat(strangerBrowser.get("/profile/tokens/" + tokenId + "/revoke").status()).isEqualTo(404);
    }

    @Test
    void staffSeeAUsersTokensOnTheirPageAndAnAdministratorRevokesThem() {
        Person olga = registrations.registerVerified("Olga");
        Visitor browser = new Visitor(port);
        browser.login(olga.email(), olga.password());
        browser.get("/profile/tokens");
        String secret = browser.post("/profile/tokens", List.of(Map.entry("name", "Laptop"),
                Map.entry("permissions", "profile"), Map.entry("lifetime", "7"))).html().selectFirst("input#secret")
                .attr("value");
        long tokenId = jdbc.sql("SELECT id FROM personal_tokens WHERE user_id = ?").param(olga.id())
                .query(Long.class).single();

        assertThat(administrator.get("/admin/users/" + olga.id()).html().select("#user-tokens")).hasSize(1);
        Visitor.Page tokens = administrator.get("/admin/users/" + olga.id() + "/tokens");
        assertThat(tokens.html().selectFirst("#token-" + tokenId).text()).contains("Laptop", "Modify Master Account Profile");
        assertThat(tokens.body()).doesNotContain(secret.substring(28));

        Visitor support = StaffMembers.loggedIn(port, supportEmail);
        Visitor.Page supportView = support.get("/admin/users/" + olga.id() + "/tokens");
        assertThat(supportView.html().selectFirst("#token-" + tokenId)).isNotNull();
        assertThat(supportView.html().select("#revoke-" + tokenId)).isEmpty();
        assertThat(support.get("/admin/users/" + olga.id() + "/tokens/" + tokenId + "/revoke").status()).isEqualTo(403);

        String revoke = tokens.html().selectFirst("#revoke-" + tokenId).attr("href");
        administrator.get(revoke);
        assertThat(administrator.post(revoke, Map.of()).location()).endsWith("/admin/users/" + olga.id() + "/tokens");
        assertThat(new ApiClient(port).get("/api/v1/permissions", secret).status()).isEqualTo(401);
    }
}
