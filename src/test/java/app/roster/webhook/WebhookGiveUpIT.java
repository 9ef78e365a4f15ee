package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.roster.account.CloseAccount;
import app.roster.shared.Actor;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.WithSettings;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An endpoint that keeps failing for the whole retry period (shortened here from 3 days) is disabled by Roster
 * itself, audited, and gets no further events until an Administrator enables it again; then its queue goes on.
 */
@IntegrationTest
@WithSettings({"roster.webhooks.allowed-addresses=127.0.0.1", "roster.webhooks.allow-http=true",
        "roster.webhooks.first-retry=100ms", "roster.webhooks.max-retry-delay=200ms", "roster.webhooks.retry-for=1s"})
class WebhookGiveUpIT {

    @Autowired
    RegisterWebhookEndpoint register;
    @Autowired
    EnableWebhookEndpoint enable;
    @Autowired
    DisableWebhookEndpoint disable;
    @Autowired
    WebhookEndpoints endpoints;
    @Autowired
    WebhookDeliveries deliveries;
    @Autowired
    CloseAccount closeAccount;
    @Autowired
    Registrations registrations;
    @Autowired
    JdbcClient jdbc;

    final Actor.Staff administrator = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada Admin", "ada@example.com");

    @Test
    void anEndpointFailingForTheWholeRetryPeriodIsDisabledAndAudited() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answerNext(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500,
                    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
            long id = register.register(administrator, new RegisterWebhookEndpoint.NewEndpoint(receiver.url(), null,
                    Set.of("account.closed", "account.reopened"))).endpointId();
            long account = registrations.accountOf(registrations.registerVerified("Gina"));
            closeAccount.close(administrator, account);

            await().atMost(Duration.ofSeconds(20)).until(() -> !endpoints.find(id).orElseThrow().enabled());
            assertThat(endpoints.find(id).orElseThrow().disabledReason()).isEqualTo(EndpointFailures.FAILING);
            assertThat(deliveries.ofEndpoint(id, 10)).singleElement().satisfies(delivery -> {
                assertThat(delivery.state()).isEqualTo(WebhookDelivery.State.FAILED);
                assertThat(delivery.attempts()).isGreaterThan(1);
                assertThat(delivery.lastStatus()).isEqualTo(500);
            });
            assertThat(jdbc.sql("""
                    SELECT actor_type FROM audit_events WHERE action = 'webhook.endpoint_disabled' AND details LIKE ?""")
                    .param("endpoint=" + id + ";%").query(String.class).single()).isEqualTo("SYSTEM");

            long emails = jdbc.sql("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%webhook endpoint was disabled%'"
                    + " AND text_body LIKE ?").param("%127.0.0.1:%/hooks%").query(Long.class).single();
            assertThat(administrators()).isPositive();
            assertThat(emails).as("one email per enabled Administrator").isEqualTo(administrators());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox WHERE text_body LIKE '%receiver-secret%'")
                    .query(Long.class).single()).as("the receiver's token stays out of emails").isZero();

            closeAccount.reopen(administrator, account);
            assertThat(deliveries.ofEndpoint(id, 10)).as("nothing queued while disabled").hasSize(1);

            enable.enable(administrator, id);
            receiver.answerOk();
            closeAccount.close(administrator, account);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests().stream()
                    .anyMatch(request -> request.answered() == 200));
            disable.disable(administrator, id);
        }
    }

    private long administrators() {
        return jdbc.sql("SELECT COUNT(*) FROM staff WHERE role = 'ADMINISTRATOR' AND disabled = FALSE")
                .query(Long.class).single();
    }
}
