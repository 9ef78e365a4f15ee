package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roster.account.CloseAccount;
import app.roster.shared.Actor;
import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import app.roster.support.Registrations;
import app.roster.support.StaffMembers;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Admin Area "Webhooks" pages over HTTP, with a real receiver on 127.0.0.1: an Administrator registers an
 * endpoint (the secret on that one answer), sends a test event, reads the log, redelivers, rotates the secret and
 * disables the endpoint after confirming; a refused address is shown on its field; Support only reads.
 */
@IntegrationTest
@PageTest
@WithSettings({"roster.webhooks.allowed-addresses=127.0.0.1", "roster.webhooks.allow-http=true"})
class WebhookPagesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StaffMembers staffMembers;
    @Autowired
    Registrations registrations;
    @Autowired
    CloseAccount closeAccount;

    final Actor.Staff ada = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada Admin", "ada@example.com");
    Visitor administrator;
    String supportEmail;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        supportEmail = staffMembers.add("sue", "SUPPORT");
        administrator = StaffMembers.loggedIn(port, staffMembers.add("ada", "ADMINISTRATOR"));
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        jdbc.sql("UPDATE webhook_endpoints SET enabled = FALSE WHERE url LIKE ?").param(receiver.url() + "%").update();
    }

    @Test
    void anAdministratorRegistersTestsRedeliversRotatesAndDisablesAnEndpoint() {
        assertThat(administrator.get("/admin/webhooks").html().select("nav a[href=/admin/webhooks]")).hasSize(1);
        Visitor.Page form = administrator.get("/admin/webhooks/new");
        assertThat(form.html().select("#endpoint-form input[name=_csrf]")).hasSize(1);
        for (Element input : form.html().select("#endpoint-form input:not([type=hidden])")) {
            assertThat(form.html().select("label[for=" + input.id() + "]")).as("label of " + input.id()).hasSize(1);
        }
        assertThat(form.html().select("input[type=checkbox][name=eventTypes]")).hasSize(EventTypes.ALL.size());
        assertThat(form.html().select("input[type=checkbox][name=allEvents]")).hasSize(1);

        Visitor.Page created = administrator.post("/admin/webhooks", List.of(Map.entry("url", receiver.url()),
                Map.entry("description", "Billing hooks"), Map.entry("eventTypes", "member.added"),
                Map.entry("eventTypes", "account.closed")));
        assertThat(created.status()).isEqualTo(200);
        String secret = created.html().selectFirst("input#secret").attr("value");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String endpointPath = created.html().selectFirst("a#back").attr("href");
        long id = Long.parseLong(endpointPath.substring(endpointPath.lastIndexOf('/') + 1));

        Element row = administrator.get(listedOn(id)).html().selectFirst("#endpoint-" + id);
        assertThat(row.text()).contains("Billing hooks", "member.added", "account.closed", "Enabled")
                .doesNotContain("receiver-secret");
        Visitor.Page endpoint = administrator.get(endpointPath);
        assertThat(endpoint.body()).doesNotContain(secret).doesNotContain(secret.substring(6))
                .doesNotContain("receiver-secret");
        assertThat(endpoint.html().selectFirst("#deliveries-empty")).isNotNull();
        assertThat(endpoint.html().selectFirst("label[for=since]").text()).contains("UTC");

        assertThat(administrator.post(endpointPath + "/test", Map.of()).location()).endsWith(endpointPath);
        await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
        assertThat(new StandardWebhooksVerifier(secret).verifies(receiver.requests().getFirst())).isTrue();
        await().atMost(WAIT).until(() -> administrator.get(endpointPath).html().select("#deliveries .badge").text()
                .contains("Delivered"));
        Element delivery = administrator.get(endpointPath).html().selectFirst("#deliveries tbody tr");
        assertThat(delivery.text()).contains("webhook.test", receiver.requests().getFirst().id(), "200", "ms");

        String redeliver = delivery.selectFirst("form").attr("action");
        assertThat(administrator.post(redeliver, Map.of()).location()).endsWith(endpointPath);
        await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
        assertThat(receiver.requests().get(1).id()).isEqualTo(receiver.requests().getFirst().id());

        String rotatePath = administrator.get(endpointPath).html().selectFirst("#rotate-secret").attr("href");
        Visitor.Page confirmRotate = administrator.get(rotatePath);
        assertThat(confirmRotate.html().selectFirst("#confirm-notice").text()).contains("stays valid", "UTC");
        assertThat(confirmRotate.html().select("form[action=" + rotatePath + "] input[name=_csrf]")).hasSize(1);
        Visitor.Page rotated = administrator.post(rotatePath, Map.of());
        String newSecret = rotated.html().selectFirst("input#secret").attr("value");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.html().selectFirst("#previous-secret").text()).contains("UTC");
        assertThat(administrator.get(endpointPath).body()).doesNotContain(newSecret);

        String disablePath = administrator.get(endpointPath).html().selectFirst("#disable-endpoint").attr("href");
        assertThat(administrator.get(disablePath).html().selectFirst("#confirm-question").text())
                .contains("127.0.0.1");
        assertThat(administrator.post(disablePath, Map.of()).location()).endsWith(endpointPath);
        Visitor.Page disabled = administrator.open(endpointPath);
        assertThat(disabled.html().selectFirst("#endpoint-details").text()).contains("Disabled");
        assertThat(disabled.html().select("#enable-endpoint")).hasSize(1);
        assertThat(administrator.post(endpointPath + "/enable", Map.of()).location()).endsWith(endpointPath);
        assertThat(administrator.open(endpointPath).html().selectFirst("#endpoint-details").text()).contains("Enabled");

        assertThat(jdbc.sql("""
                SELECT action FROM audit_events WHERE action LIKE 'webhook.%' AND (details = ? OR details LIKE ?)
                ORDER BY id""").params("endpoint=" + id, "endpoint=" + id + ";%").query(String.class).list())
                .containsExactly(
                "webhook.endpoint_registered", "webhook.test_sent", "webhook.redelivered", "webhook.secret_rotated",
                "webhook.endpoint_disabled", "webhook.endpoint_enabled");
    }

    @Test
    void aRefusedAddressIsShownOnItsFieldAndNothingIsRegistered() {
        long before = jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints").query(Long.class).single();
        administrator.get("/admin/webhooks/new");

        Visitor.Page refused = administrator.post("/admin/webhooks", List.of(
                Map.entry("url", "https://169.254.169.254/latest/meta-data"), Map.entry("eventTypes", "user.created")));
        assertThat(refused.html().selectFirst("#url-error").text()).contains("public addresses");
        assertThat(refused.html().selectFirst("#url").attr("value")).isEqualTo("https://169.254.169.254/latest/meta-data");
        assertThat(refused.html().select("input[name=eventTypes][value=user.created][checked]")).hasSize(1);
        assertThat(refused.html().select("input#secret")).isEmpty();
        assertThat(administrator.post("/admin/webhooks", List.of(Map.entry("url", receiver.url())))
                .html().selectFirst("#eventTypes-error")).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints").query(Long.class).single()).isEqualTo(before);

        Visitor.Page all = administrator.post("/admin/webhooks", List.of(Map.entry("url", receiver.url()),
                Map.entry("allEvents", "true")));
        assertThat(all.html().selectFirst("input#secret")).isNotNull();
        long id = Long.parseLong(all.html().selectFirst("a#back").attr("href").replaceAll(".*/", ""));
        assertThat(jdbc.sql("SELECT event_types FROM webhook_endpoints WHERE id = ?").param(id).query(String.class)
                .single().split(",")).hasSize(EventTypes.ALL.size());
    }

    @Test
    void redeliveringEverythingSinceATimeSaysHowManyFirst() {
        administrator.get("/admin/webhooks/new");
        Visitor.Page created = administrator.post("/admin/webhooks", List.of(Map.entry("url", receiver.url()),
                Map.entry("eventTypes", "account.closed"), Map.entry("eventTypes", "account.reopened")));
        String endpointPath = created.html().selectFirst("a#back").attr("href");
        long account = registrations.accountOf(registrations.registerVerified("Rhea"));
        String since = LOCAL.format(Instant.now().minus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC));
        closeAccount.close(ada, account);
        closeAccount.reopen(ada, account);
        await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
        await().atMost(WAIT).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                WHERE e.account_id = ? AND d.state = 'DELIVERED'""").param(account).query(Long.class).single() == 2);

        Visitor.Page confirm = administrator.get(endpointPath + "/redeliver?since=" + since);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.html().selectFirst("#confirm-question").text()).contains("2 events", since.replace('T', ' '));
        assertThat(confirm.html().select("form[action$=/redeliver] input[name=_csrf]")).hasSize(1);
        assertThat(receiver.requests()).hasSize(2);

        assertThat(administrator.post(endpointPath + "/redeliver", Map.of("since", since)).location())
                .endsWith(endpointPath);
        assertThat(administrator.open(endpointPath).html().selectFirst("#notice").text()).contains("2 events");
        await().atMost(WAIT).until(() -> receiver.requests().size() == 4);
        assertThat(receiver.requests().subList(2, 4)).extracting(WebhookReceiver.Request::id)
                .containsExactlyElementsOf(receiver.requests().subList(0, 2).stream()
                        .map(WebhookReceiver.Request::id).toList());

        Visitor.Page future = administrator.get(endpointPath + "/redeliver?since="
                + LOCAL.format(Instant.now().plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC)));
        assertThat(future.html().selectFirst("#confirm-nothing")).isNotNull();
        assertThat(future.html().select("#confirm-redeliver")).isEmpty();
        Visitor.Page wrong = administrator.get(endpointPath + "/redeliver?since=yesterday");
        assertThat(wrong.html().selectFirst("#since-error").text()).contains("UTC");
        assertThat(administrator.post(endpointPath + "/redeliver", Map.of("since", "")).html()
                .selectFirst("#since-error")).isNotNull();
        assertThat(jdbc.sql("SELECT details FROM audit_events WHERE action = 'webhook.redelivered_since' AND details LIKE ?")
                .param("endpoint=" + endpointPath.replaceAll(".*/", "") + ";%").query(String.class).single())
                .contains("queued=2");
    }

    @Test
    void supportReadsButChangesNothingAndUnknownIdsAre404() {
        administrator.get("/admin/webhooks/new");
        Visitor.Page created = administrator.post("/admin/webhooks", List.of(Map.entry("url", receiver.url()),
                Map.entry("eventTypes", "user.created")));
        String endpointPath = created.html().selectFirst("a#back").attr("href");
        long deliveryId = jdbc.sql("SELECT COALESCE(MAX(id), 1) FROM webhook_deliveries").query(Long.class).single();
        Visitor support = StaffMembers.loggedIn(port, supportEmail);

        Visitor.Page list = support.get("/admin/webhooks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.html().select("nav a[href=/admin/webhooks]")).isEmpty();
        assertThat(list.html().select("#register-endpoint")).isEmpty();
        Visitor.Page page = support.get(endpointPath);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#send-test, #rotate-secret, #disable-endpoint, #redeliver-since, main form[method=post]"))
                .isEmpty();
        for (String path : List.of("/admin/webhooks/new", endpointPath + "/rotate-secret", endpointPath + "/disable",
                endpointPath + "/redeliver?since=2026-01-01T00:00")) {
            assertThat(support.get(path).status()).as(path).isEqualTo(403);
        }
        for (String path : List.of("/admin/webhooks", endpointPath + "/rotate-secret", endpointPath + "/disable",
                endpointPath + "/enable", endpointPath + "/test", endpointPath + "/redeliver",
                endpointPath + "/deliveries/" + deliveryId + "/redeliver")) {
            assertThat(support.post(path, List.of(Map.entry("url", receiver.url()),
                    Map.entry("eventTypes", "user.created"), Map.entry("since", "2026-01-01T00:00"))).status())
                    .as(path).isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints WHERE url = ?").param(receiver.url())
                .query(Long.class).single()).isEqualTo(1);

        for (String path : List.of("/admin/webhooks/999999999", "/admin/webhooks/nope",
                "/admin/webhooks/999999999/rotate-secret", "/admin/webhooks/999999999/redeliver?since=2026-01-01T00:00")) {
            assertThat(administrator.get(path).status()).as(path).isEqualTo(404);
        }
        administrator.get(endpointPath);
        assertThat(administrator.post("/admin/webhooks/999999999/disable", Map.of()).status()).isEqualTo(404);
        assertThat(administrator.post(endpointPath + "/deliveries/999999999/redeliver", Map.of()).status())
                .isEqualTo(404);
        assertThat(administrator.postRaw(endpointPath + "/test", Map.of()).status()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void aPendingDeliveryIsNotRedeliveredAndThePageSaysWhy() {
        administrator.get("/admin/webhooks/new");
        String endpointPath = administrator.post("/admin/webhooks", List.of(Map.entry("url", receiver.url()),
                Map.entry("eventTypes", "user.created"))).html().selectFirst("a#back").attr("href");
        administrator.get(endpointPath);
        administrator.open(administrator.post(endpointPath + "/disable", Map.of()).location());
        Visitor.Page page = administrator.open(administrator.post(endpointPath + "/test", Map.of()).location());
        Element pending = page.html().selectFirst("#deliveries tbody tr");
        assertThat(pending.text()).contains("webhook.test", "Pending", "UTC");
        assertThat(pending.select("form")).as("no Redeliver for a pending one").isEmpty();

        String deliveryId = pending.id().replace("delivery-", "");
        assertThat(administrator.post(endpointPath + "/deliveries/" + deliveryId + "/redeliver", Map.of()).location())
                .endsWith(endpointPath);
        assertThat(administrator.open(endpointPath).html().selectFirst("#problem").text()).contains("still on its way");
    }

    /** The list page holding the endpoint (other tests register endpoints too). */
    private String listedOn(long id) {
        for (int page = 1; page < 100; page++) {
            Visitor.Page list = administrator.get("/admin/webhooks?page=" + page);
            if (list.html().selectFirst("#endpoint-" + id) != null
                    || list.html().select("#endpoints-pager a[rel=next][href]").isEmpty()) {
                return "/admin/webhooks?page=" + page;
            }
        }
        throw new AssertionError("no end to the list");
    }
}
