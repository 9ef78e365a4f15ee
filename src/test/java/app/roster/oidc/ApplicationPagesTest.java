package app.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations.Person;
import app.roster.support.Registrations;
import app.roster.support.StaffMembers;
import app.roster.support.Visitor;
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
 * The Applications pages over HTTP: an Administrator registers a client (the secret on that one answer), edits
 * it, rotates its secret and deletes it, each change after a confirmation and with CSRF; Support only reads. On
 * the profile a user sees the applications they signed in to and revokes one; nobody else's.
 */
@IntegrationTest
@PageTest
class ApplicationPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffMembers staffMembers;
    @Autowired
    Registrations registrations;
    @Autowired
    RegisterClient register;

    Visitor administrator;
    String supportEmail;

    @BeforeEach
    void staff() {
        supportEmail = staffMembers.add("sue", "SUPPORT");
        administrator = StaffMembers.loggedIn(port, staffMembers.add("ada", "ADMINISTRATOR"));
    }

    @Test
    void anAdministratorRegistersEditsRotatesAndDeletesAnApplication() {
        Visitor.Page list = administrator.get("/admin/applications");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html().select("nav a[href=/admin/applications]")).hasSize(1);
        Visitor.Page form = administrator.get("/admin/applications/new");
        assertThat(form.html().select("#application-form input[name=_csrf]")).hasSize(1);
        for (Element input : form.html().select("#application-form input:not([type=hidden]), #application-form textarea")) {
            assertThat(form.html().select("label[for=" + input.id() + "]")).as("label of " + input.id()).hasSize(1);
        }
        assertThat(form.html().select("input[type=checkbox][name=scopes]")).hasSize(5);
        assertThat(form.html().select("input[type=checkbox][name=grantTypes]")).hasSize(2);

        String name = "Control panel " + UUID.randomUUID().toString().substring(0, 6);
        Visitor.Page created = administrator.post("/admin/applications", List.of(Map.entry("name", name),
                Map.entry("logoUri", "https://panel.example.com/logo.png"), Map.entry("type", "confidential"),
                Map.entry("grantTypes", "authorization_code"), Map.entry("grantTypes", "client_credentials"),
                Map.entry("redirectUris", RelyingParty.REDIRECT + "\n https://panel.example.com/cb "),
                Map.entry("postLogoutRedirectUris", ""), Map.entry("backChannelLogoutUri", ""),
                Map.entry("scopes", "openid"), Map.entry("scopes", "email"), Map.entry("party", "third")));

        assertThat(created.status()).isEqualTo(200);
        String secret = created.html().selectFirst("input#secret").attr("value");
        String clientId = created.html().selectFirst("input#client-id").attr("value");
        assertThat(secret).startsWith("roster_cs_");
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        RelyingParty party = new RelyingParty(port, new RegisterClient.Registered(
                new OidcClient(null, clientId, name, true, false, null, null, null, null, null, null, null, null, null),
                secret));
        assertThat(party.clientCredentials(secret)).isEqualTo(200);

        Element row = listed(clientId);
        assertThat(row.text()).contains(name, clientId, "Confidential", "Third-party", "openid", "email");
        assertThat(administrator.get("/admin/applications").body()).doesNotContain(secret);
        assertThat(administrator.get(row.selectFirst("a").attr("href")).body()).doesNotContain(secret);
        String detailPath = row.selectFirst("a").attr("href");
        Visitor.Page detail = administrator.get(detailPath);
        assertThat(detail.html().selectFirst("#application-details").text())
                .contains("https://panel.example.com/cb", "client_credentials", "All the user holds");

        Visitor.Page edit = administrator.get(detail.html().selectFirst("#edit-application").attr("href"));
        assertThat(edit.html().selectFirst("#redirectUris").text()).contains("https://panel.example.com/cb");
        assertThat(edit.html().select("input[name=type]")).as("the type stays").isEmpty();
        Visitor.Page saved = administrator.post(detailPath, List.of(Map.entry("name", name + " v2"),
                Map.entry("redirectUris", RelyingParty.REDIRECT), Map.entry("scopes", "openid"),
                Map.entry("party", "first"), Map.entry("permissions", "invoices")));
        assertThat(saved.location()).endsWith(detailPath);
        Visitor.Page afterEdit = administrator.open(detailPath);
        assertThat(afterEdit.html().selectFirst("#notice").text()).contains(name + " v2");
        assertThat(afterEdit.html().selectFirst("#application-details").text())
                .contains("First-party", "View & Pay Invoices").doesNotContain("panel.example.com/cb");

        String rotatePath = afterEdit.html().selectFirst("#rotate-secret").attr("href");
        assertThat(administrator.get(rotatePath).html().selectFirst("#confirm-question").text()).contains(name + " v2");
        Visitor.Page rotated = administrator.post(rotatePath, Map.of());
        String newSecret = rotated.html().selectFirst("input#secret").attr("value");
        assertThat(newSecret).startsWith("roster_cs_").isNotEqualTo(secret);
        assertThat(rotated.html().selectFirst("#previous-secret").text()).contains("UTC");
        assertThat(party.clientCredentials(newSecret)).isEqualTo(200);
        assertThat(party.clientCredentials(secret)).isEqualTo(200);

        String deletePath = administrator.get(detailPath).html().selectFirst("#delete-application").attr("href");
        assertThat(administrator.get(deletePath).html().selectFirst("#confirm-question").text()).contains(clientId);
        assertThat(administrator.post(deletePath, Map.of()).location()).endsWith("/admin/applications");
        assertThat(administrator.open("/admin/applications").html().selectFirst("#notice").text()).contains(name);
        assertThat(administrator.get(detailPath).status()).isEqualTo(404);
        assertThat(party.clientCredentials(newSecret)).isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action LIKE 'oidc.client_%' AND details LIKE ?")
                .param("%" + clientId + "%").query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aRefusedFieldIsShownNextToItAndNothingIsRegistered() {
        int before = jdbc.sql("SELECT COUNT(*) FROM oauth2_registered_client").query(Integer.class).single();
        administrator.get("/admin/applications/new");

        Visitor.Page refused = administrator.post("/admin/applications", List.of(Map.entry("name", "Shop"),
                Map.entry("type", "confidential"), Map.entry("grantTypes", "authorization_code"),
                Map.entry("redirectUris", "http://shop.example.com/cb"), Map.entry("scopes", "openid"),
                Map.entry("party", "third")));

        assertThat(refused.html().selectFirst("#redirectUris-error").text()).contains("http://shop.example.com/cb");
        assertThat(refused.html().selectFirst("#redirectUris").text()).isEqualTo("http://shop.example.com/cb");
        assertThat(refused.html().selectFirst("#name").attr("value")).isEqualTo("Shop");
        assertThat(refused.html().select("input#secret")).isEmpty();
        assertThat(administrator.post("/admin/applications", List.of(Map.entry("name", "No grant"),
                Map.entry("scopes", "openid"))).html().selectFirst("#grantTypes-error")).isNotNull();
        assertThat(administrator.post("/admin/applications", List.of(Map.entry("name", "Public machine"),
                Map.entry("type", "public"), Map.entry("grantTypes", "client_credentials"), Map.entry("scopes", "openid")))
                .html().selectFirst("#grantTypes-error").text()).contains("public client");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM oauth2_registered_client").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void theEmptyListSaysWhatToDo() {
        jdbc.sql("DELETE FROM oauth2_authorization").update();
        jdbc.sql("DELETE FROM oauth2_authorization_consent").update();
        jdbc.sql("DELETE FROM oauth2_registered_client").update();

        assertThat(administrator.get("/admin/applications").html().selectFirst("#applications-empty").text())
                .contains("Register one");
    }

    @Test
    void supportReadsButChangesNothing() {
        String id = RelyingParty.confidential(register, "openid").client().clientId();
        Visitor support = StaffMembers.loggedIn(port, supportEmail);

        assertThat(support.get("/admin/applications").html().select("#register-application, #rotate-signing-key")).isEmpty();
        Visitor.Page detail = support.get("/admin/applications/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.html().select("#edit-application, #rotate-secret, #delete-application")).isEmpty();
        for (String path : List.of("/admin/applications/new", "/admin/applications/" + id + "/edit",
                "/admin/applications/" + id + "/rotate-secret", "/admin/applications/" + id + "/delete",
                "/admin/applications/signing-keys/rotate")) {
            assertThat(support.get(path).status()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/admin/applications", "/admin/applications/" + id,
                "/admin/applications/" + id + "/rotate-secret", "/admin/applications/" + id + "/delete",
                "/admin/applications/signing-keys/rotate")) {
            assertThat(support.post(path, List.of(Map.entry("name", "X"))).status()).as(path).isEqualTo(403);
        }
        assertThat(administrator.get("/admin/applications/no-such-id").status()).isEqualTo(404);
    }

    @Test
    void anAdministratorRotatesTheSigningKeyAfterConfirming() {
        Visitor.Page list = administrator.get("/admin/applications");
        String confirmPath = list.html().selectFirst("#rotate-signing-key").attr("href");
        Visitor.Page confirm = administrator.get(confirmPath);
        assertThat(confirm.html().select("form[action=" + confirmPath + "] input[name=_csrf]")).hasSize(1);

        assertThat(administrator.post(confirmPath, Map.of()).location()).endsWith("/admin/applications");

        Visitor.Page after = administrator.open("/admin/applications");
        String kid = jdbc.sql("SELECT kid FROM oidc_signing_keys WHERE retired_at IS NULL").query(String.class).single();
        assertThat(after.html().selectFirst("#notice").text()).contains(kid);
        assertThat(after.html().selectFirst("#signing-keys").text()).contains(kid, "Active");
        assertThat(jdbc.sql("SELECT actor_type FROM audit_events WHERE action = 'oidc.signing_key_rotated' AND details LIKE ?")
                .param("%" + kid + "%").query(String.class).single()).isEqualTo("STAFF");
    }

    @Test
    void aUserSeesTheApplicationsTheySignedInToAndRevokesOne() {
        Person ana = registrations.registerVerified("Ana");
        Visitor browser = new Visitor(port);
        browser.login(ana.email(), ana.password());
        assertThat(browser.get("/profile").html().select("a#profile-applications[href=/profile/applications]")).hasSize(1);
        assertThat(browser.get("/profile/applications").html().selectFirst("#applications-empty")).isNotNull();
        RelyingParty party = new RelyingParty(port, RelyingParty.thirdParty(register,
                "Forum " + UUID.randomUUID().toString().substring(0, 6), "openid email"));
        jdbc.sql("INSERT INTO oauth2_authorization_consent (registered_client_id, principal_name, authorities) VALUES (?, ?, ?)")
                .params(party.registered.client().id(), String.valueOf(ana.id()), "SCOPE_openid,SCOPE_email").update();
        var tokens = party.signIn(browser, "openid email");

        Visitor.Page page = browser.get("/profile/applications");
        Element row = page.html().selectFirst("#granted-" + party.clientId());
        assertThat(row.text()).contains(party.registered.client().name(), "Your email address", "UTC");
        String revoke = row.selectFirst("a[id^=revoke-]").attr("href");
        Visitor.Page confirm = browser.get(revoke);
        assertThat(confirm.html().selectFirst("#confirm-question").text()).contains(party.registered.client().name());
        assertThat(confirm.html().select("form[action=" + revoke + "] input[name=_csrf]")).hasSize(1);

        Person bob = registrations.registerVerified("Bob");
        Visitor stranger = new Visitor(port);
        stranger.login(bob.email(), bob.password());
        assertThat(stranger.get(revoke).status()).isEqualTo(404);
        assertThat(stranger.post(revoke, Map.of()).status()).isEqualTo(404);
        assertThat(party.refresh(tokens.text("refresh_token")).status()).as("still granted").isEqualTo(200);

        assertThat(browser.post(revoke, Map.of()).location()).endsWith("/profile/applications");
        Visitor.Page after = browser.open("/profile/applications");
        assertThat(after.html().selectFirst("#notice").text()).contains(party.registered.client().name());
        assertThat(after.html().selectFirst("#applications-empty")).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_events WHERE action = 'oidc.grant_revoked' AND user_id = ?")
                .param(ana.id()).query(Integer.class).single()).isEqualTo(1);
    }

    /** The application's row in the list, on whichever page it is (other tests register clients too). */
    private Element listed(String clientId) {
        for (int page = 1; page < 100; page++) {
            Visitor.Page list = administrator.get("/admin/applications?page=" + page);
            Element row = list.html().selectFirst("#application-" + clientId);
            if (row != null || list.html().select("#applications-pager a[rel=next][href]").isEmpty()) {
                return row;
            }
        }
        throw new AssertionError("no end to the list");
    }
}
