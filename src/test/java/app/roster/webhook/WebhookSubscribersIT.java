package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.roster.account.CloseAccount;
import app.roster.shared.Actor;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.WithSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event type no endpoint takes costs no event row and no read of the resource; one a disabled endpoint takes
 * is still written (so "Redeliver since" finds it). And the delivery log pages by keyset, both ways.
 */
@IntegrationTest
@WithSettings({"roster.webhooks.allowed-addresses=127.0.0.1", "roster.webhooks.allow-http=true"})
class WebhookSubscribersIT {

    final Actor.Staff administrator = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada Admin", "ada@example.com");

    @Autowired
    WebhookEventLog log;
    @Autowired
    RegisterWebhookEndpoint register;
    @Autowired
    DisableWebhookEndpoint disable;
    @Autowired
    FindWebhookEndpoints find;
    @Autowired
    CloseAccount closeAccount;
    @Autowired
    Registrations registrations;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTypeNobodySubscribesToWritesNoEventAndReadsNoResource() {
        Object written = transactions.execute(status -> log.append("nobody.takes_this", null, 7,
                () -> {
                    throw new AssertionError("the resource was read for a type nobody takes");
                }));

        assertThat(written).isEqualTo(Optional.empty());
        assertThat(events("nobody.takes_this", null)).isZero();
    }

    @Test
    void aTypeOnlyADisabledEndpointTakesIsStillWrittenButQueuedForNobody() {
        long account = registrations.accountOf(registrations.registerVerified("Nell"));
        long endpoint = endpoint(Set.of("account.closed"));
        disable.disable(administrator, endpoint);

        closeAccount.close(administrator, account);

        assertThat(events("account.closed", account)).isOne();
        assertThat(find.deliveries(administrator, endpoint)).isEmpty();
    }

    @Test
    void theDeliveryLogPagesByKeysetOlderAndBackNewer() {
        long endpoint = endpoint(Set.of("account.closed"));
        disable.disable(administrator, endpoint);
        List<Long> queued = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 60; i++) {
                log.append("account.closed", null, 9, Map.of(), List.of(endpoint));
            }
        });
        find.deliveries(administrator, endpoint).forEach(delivery -> queued.add(delivery.id()));
        assertThat(queued).hasSize(60).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        DeliveryLog first = find.deliveries(administrator, endpoint, DeliveryLog.Position.first(), 25);
        transactions.executeWithoutResult(status -> log.append("account.closed", null, 9, Map.of(), List.of(endpoint)));
        DeliveryLog second = find.deliveries(administrator, endpoint, new DeliveryLog.Position(2, first.older(), null), 25);
        DeliveryLog third = find.deliveries(administrator, endpoint, new DeliveryLog.Position(3, second.older(), null), 25);
        DeliveryLog backToSecond = find.deliveries(administrator, endpoint,
                new DeliveryLog.Position(2, null, third.newer()), 25);
        DeliveryLog backToFirst = find.deliveries(administrator, endpoint,
                new DeliveryLog.Position(1, null, backToSecond.newer()), 25);

        assertThat(ids(first)).isEqualTo(queued.subList(0, 25));
        assertThat(first.newer()).as("no newer page before the first").isNull();
        assertThat(ids(second)).as("the delivery queued meanwhile is not on page 2").isEqualTo(queued.subList(25, 50));
        assertThat(ids(third)).isEqualTo(queued.subList(50, 60));
        assertThat(third.page().hasNext()).isFalse();
        assertThat(third.older()).isNull();
        assertThat(ids(backToSecond)).isEqualTo(queued.subList(25, 50));
        assertThat(backToSecond.page().number()).isEqualTo(2);
        assertThat(ids(backToFirst)).as("the first page, without the one queued since: it was not there")
                .isEqualTo(queued.subList(0, 25));
        assertThat(backToFirst.page().hasPrevious()).as("the newest row is the one queued since").isTrue();
        assertThatThrownBy(() -> find.deliveries(administrator, endpoint,
                new DeliveryLog.Position(2, first.older().substring(1), null), 25))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID));
    }

    private long endpoint(Set<String> types) {
        return register.register(administrator, new RegisterWebhookEndpoint.NewEndpoint("http://127.0.0.1:9/hooks",
                "Subscribers", types)).endpointId();
    }

    private long events(String type, Long account) {
        return account == null
                ? jdbc.sql("SELECT COUNT(*) FROM webhook_events WHERE type = ?").param(type).query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM webhook_events WHERE type = ? AND account_id = ?").params(type, account)
                        .query(Long.class).single();
    }

    private static List<Long> ids(DeliveryLog log) {
        return log.page().items().stream().map(WebhookDelivery::id).toList();
    }
}
