package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.roster.account.AccountProfile;
import app.roster.account.CloseAccount;
import app.roster.account.DeleteAccount;
import app.roster.account.UpdateAccountProfile;
import app.roster.contact.AddContact;
import app.roster.contact.Category;
import app.roster.contact.ChangeContact;
import app.roster.contact.ContactDetails;
import app.roster.contact.DeleteContact;
import app.roster.invitation.CancelInvitation;
import app.roster.invitation.ResendInvitation;
import app.roster.invitation.SendInvitation;
import app.roster.membership.AddMember;
import app.roster.membership.ChangePermissions;
import app.roster.membership.LeaveAccount;
import app.roster.membership.RemoveMember;
import app.roster.shared.Actor;
import app.roster.shared.EmailAddress;
import app.roster.shared.Language;
import app.roster.shared.NotFound;
import app.roster.shared.Refusal;
import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.WithSettings;
import app.roster.user.ChangeEmail;
import app.roster.user.DisableUser;
import app.roster.user.EndSessions;
import app.roster.user.UpdateProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: real changes through the use cases, the real sender, a real HTTP receiver on 127.0.0.1
 * (allow-listed here, as the SSRF rules would refuse it) that checks each signature as the Standard Webhooks
 * specification says, independently of Roster's signing code.
 */
@IntegrationTest
@WithSettings({"roster.webhooks.allowed-addresses=127.0.0.1", "roster.webhooks.allow-http=true",
        "roster.webhooks.first-retry=100ms", "roster.webhooks.max-retry-delay=1s"})
class WebhooksIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    RegisterWebhookEndpoint register;
    @Autowired
    RotateWebhookSecret rotate;
    @Autowired
    DisableWebhookEndpoint disable;
    @Autowired
    Registrations registrations;
    @Autowired
    UpdateProfile updateProfile;
    @Autowired
    ChangeEmail changeEmail;
    @Autowired
    EndSessions endSessions;
    @Autowired
    DisableUser disableUser;
    @Autowired
    UpdateAccountProfile updateAccount;
    @Autowired
    CloseAccount closeAccount;
    @Autowired
    DeleteAccount deleteAccount;
    @Autowired
    AddMember addMember;
    @Autowired
    ChangePermissions changePermissions;
    @Autowired
    RemoveMember removeMember;
    @Autowired
    LeaveAccount leaveAccount;
    @Autowired
    SendInvitation sendInvitation;
    @Autowired
    ResendInvitation resendInvitation;
    @Autowired
    CancelInvitation cancelInvitation;
    @Autowired
    AddContact addContact;
    @Autowired
    ChangeContact changeContact;
    @Autowired
    DeleteContact deleteContact;
    @Autowired
    SendTestWebhook sendTest;
    @Autowired
    RedeliverWebhook redeliver;
    @Autowired
    WebhookDeliveries deliveries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    final Actor.Staff administrator = new Actor.Staff(1, Actor.Staff.Role.ADMINISTRATOR, "Ada Admin", "ada@example.com");
    WebhookReceiver receiver;
    IssuedWebhookSecret endpoint;

    @BeforeEach
    void receiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopDelivering() {
        if (endpoint != null) {
            disable.disable(administrator, endpoint.endpointId());
        }
        receiver.close();
    }

    @Test
    void everyMappedEventArrivesOnceSignedAndInOrderPerAccount() {
        endpoint = registerFor(EventTypes.ALL);
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        Person max = registrations.registerVerified("Max");
        Person zoe = registrations.registerVerified("Zoe");
        updateProfile.update(administrator, olga.id(), "Olgina", "Renamed", Language.FR);
        changeEmail.set(administrator, olga.id(), EmailAddress.of(Registrations.uniqueEmail("olga.new")));
        endSessions.endAll(administrator, olga.id());
        disableUser.disable(administrator, max.id());
        disableUser.enable(administrator, max.id());
        updateAccount.update(administrator, account, AccountProfile.named("Olga Renamed Ltd"));
        closeAccount.close(administrator, account);
        closeAccount.reopen(administrator, account);
        addMember.add(administrator, account, max.id(), Set.of("invoices"), true);
        changePermissions.changeExactly(administrator, account, max.id(), Set.of("invoices", "users"),
                version(account, max.id()));
        addMember.add(administrator, account, zoe.id(), Set.of("invoices"), true);
        leaveAccount.leave(new Actor.Member(zoe.id(), account), account);
        removeMember.remove(administrator, account, max.id());

        List<String> expected = List.of("user.created", "user.updated", "user.email_changed", "session.ended",
                "user.disabled", "user.enabled", "account.created", "account.updated", "account.closed",
                "account.reopened", "member.added", "member.permissions_changed", "member.left", "member.removed");
        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(endpoint.secret());
        Set<Long> users = Set.of(olga.id(), max.id(), zoe.id());
        await().atMost(WAIT).untilAsserted(() -> assertThat(types(ours(account, users))).containsAll(expected));

        List<WebhookReceiver.Request> ours = ours(account, users);
        assertThat(ours).allSatisfy(request -> assertThat(verifier.verifies(request)).isTrue());
        assertThat(ours).extracting(WebhookReceiver.Request::id).doesNotHaveDuplicates();
        List<Long> sequences = ours.stream().map(this::body).filter(body -> number(body, "/account_id") == account)
                .map(body -> body.get("sequence").asLong()).toList();
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(ours).allSatisfy(request -> assertThat(request.body()).doesNotContain("password", "token", "http"));
        JsonNode changed = ours.stream().map(this::body)
                .filter(body -> body.get("type").asString().equals("member.permissions_changed")).findFirst()
                .orElseThrow();
        assertThat(changed.get("id").asString()).isNotBlank();
        assertThat(changed.get("occurred_at").asString()).isNotBlank();
        assertThat(changed.at("/data/before/permissions").toString()).isEqualTo("[\"invoices\"]");
        assertThat(changed.at("/data/after/permissions").toString()).isEqualTo("[\"invoices\",\"users\"]");
        JsonNode ended = ours.stream().map(this::body).filter(body -> body.get("type").asString().equals("session.ended")
                && number(body, "/data/user/id") == olga.id()).findFirst().orElseThrow();
        assertThat(ended.at("/data/allSessions").asBoolean()).isTrue();
    }

    @Test
    void invitationAndContactEventsArriveWithoutTokensOrLinks() {
        endpoint = registerFor(EventTypes.ALL);
        long account = registrations.accountOf(registrations.registerVerified("Ines"));
        long invitation = sendInvitation.send(administrator, account,
                EmailAddress.of(Registrations.uniqueEmail("guest")), Set.of("invoices"), Language.EN);
        resendInvitation.resend(administrator, account, invitation);
        cancelInvitation.cancel(administrator, account, invitation);
        ContactDetails details = new ContactDetails("Carl", "Contact", null,
                EmailAddress.of(Registrations.uniqueEmail("carl")), null, null, null, null, null, null, null, null,
                Set.of(Category.INVOICE));
        long contact = addContact.add(administrator, account, details, Locale.ENGLISH);
        changeContact.change(administrator, account, contact, new ContactDetails("Carla", "Contact", null,
                details.email(), null, null, null, null, null, null, null, null, Set.of(Category.INVOICE)),
                Locale.ENGLISH);
        deleteContact.delete(administrator, account, contact);

        List<String> expected = List.of("invitation.sent", "invitation.resent", "invitation.cancelled",
                "contact.created", "contact.updated", "contact.deleted");
        await().atMost(WAIT).untilAsserted(() -> assertThat(types(ofAccount(account))).containsAll(expected));
        List<WebhookReceiver.Request> requests = ofAccount(account);
        assertThat(requests).allSatisfy(request -> {
            assertThat(new StandardWebhooksVerifier(endpoint.secret()).verifies(request)).isTrue();
            assertThat(request.body()).doesNotContain("token", "http", "accept");
        });
        JsonNode updated = requests.stream().map(this::body)
                .filter(body -> body.get("type").asString().equals("contact.updated")).findFirst().orElseThrow();
        assertThat(updated.at("/data/before/firstName").asString()).isEqualTo("Carl");
        assertThat(updated.at("/data/after/firstName").asString()).isEqualTo("Carla");
        assertThat(updated.at("/data/contact/id").asString()).isEqualTo(String.valueOf(contact));
    }

    @Test
    void aFailedDeliveryIsRetriedAndHoldsBackTheLaterEventsOfItsAccount() {
        endpoint = registerFor(List.of("account.closed", "account.reopened"));
        long account = registrations.accountOf(registrations.registerVerified("Rita"));
        receiver.answerNext(500);
        closeAccount.close(administrator, account);
        closeAccount.reopen(administrator, account);
        closeAccount.close(administrator, account);

        await().atMost(WAIT).until(() -> delivered(account).size() == 3);
        List<WebhookReceiver.Request> requests = ofAccount(account);
        assertThat(requests).extracting(WebhookReceiver.Request::answered).containsExactly(500, 200, 200, 200);
        assertThat(requests.get(0).id()).isEqualTo(requests.get(1).id());
        assertThat(requests.stream().map(this::body).map(body -> body.get("sequence").asLong()).toList())
                .isSorted();
        assertThat(requests.stream().skip(1).map(this::body).map(body -> body.get("type").asString()).toList())
                .containsExactly("account.closed", "account.reopened", "account.closed");
    }

    @Test
    void aReceiverThatWasDownGetsEverythingAfterwardsExactlyOncePerEvent() {
        endpoint = registerFor(List.of("account.closed", "account.reopened"));
        long account = registrations.accountOf(registrations.registerVerified("Dora"));
        receiver.stop();
        closeAccount.close(administrator, account);
        closeAccount.reopen(administrator, account);
        closeAccount.close(administrator, account);
        closeAccount.reopen(administrator, account);
        await().atMost(WAIT).until(() -> jdbc.sql("""
                SELECT COALESCE(MAX(attempts), 0) FROM webhook_deliveries WHERE endpoint_id = ?""")
                .param(endpoint.endpointId()).query(Integer.class).single() >= 2);

        receiver.restart();
        await().atMost(WAIT).until(() -> delivered(account).size() == 4);
        List<WebhookReceiver.Request> requests = ofAccount(account);
        assertThat(requests).hasSize(4).extracting(WebhookReceiver.Request::id).doesNotHaveDuplicates();
        assertThat(requests.stream().map(this::body).map(body -> body.get("sequence").asLong()).toList()).isSorted();
    }

    @Test
    void aDeletedAccountIsSentAfterItsEarlierEvents() {
        endpoint = registerFor(List.of("account.closed", "account.deleted"));
        long account = registrations.accountOf(registrations.registerVerified("Dora"));
        closeAccount.close(administrator, account);
        deleteAccount.delete(administrator, account);

        await().atMost(WAIT).until(() -> types(ofAccount(account)).contains("account.deleted"));
        assertThat(types(ofAccount(account))).containsExactly("account.closed", "account.deleted");
        JsonNode deleted = body(ofAccount(account).get(1));
        assertThat(number(deleted, "/data/account/id")).isEqualTo(account);
        assertThat(new StandardWebhooksVerifier(endpoint.secret()).verifies(ofAccount(account).get(1))).isTrue();
    }

    /** A node that died holding the claim: its row says claimed by another node, until shortly. */
    @Test
    void aDeliveryClaimedByADeadNodeIsSentOnceItsClaimExpires() {
        endpoint = registerFor(List.of("account.closed"));
        long account = registrations.accountOf(registrations.registerVerified("Kai"));
        java.time.Instant claimEnds = java.time.Instant.now().plusSeconds(2);
        transactions.executeWithoutResult(status -> {
            closeAccount.close(administrator, account);
            jdbc.sql("""
                    UPDATE webhook_deliveries SET claimed_by = 'dead-node', claimed_until = ?
                    WHERE event_id IN (SELECT id FROM webhook_events WHERE account_id = ?)""")
                    .params(java.sql.Timestamp.from(claimEnds), account).update();
        });

        await().atMost(WAIT).until(() -> delivered(account).size() == 1);
        assertThat(java.time.Instant.now()).isAfterOrEqualTo(claimEnds);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> ofAccount(account).size() == 1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM webhook_deliveries WHERE state = 'DELIVERED' AND claimed_by IS NULL
                AND event_id IN (SELECT id FROM webhook_events WHERE account_id = ?)""").param(account)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        endpoint = registerFor(List.of("account.updated", "account.closed"));
        long account = registrations.accountOf(registrations.registerVerified("Rolf"));
        transactions.executeWithoutResult(status -> {
            updateAccount.update(administrator, account, AccountProfile.named("Never Saved Ltd"));
            status.setRollbackOnly();
        });
        closeAccount.close(administrator, account);

        // The stream is delivered in order, so once the later change has arrived, an earlier one would have too.
        await().atMost(WAIT).until(() -> types(ofAccount(account)).contains("account.closed"));
        assertThat(types(ofAccount(account))).containsExactly("account.closed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_events WHERE account_id = ? AND type = 'account.updated'")
                .param(account).query(Long.class).single()).isZero();
    }

    @Test
    void duringARotationBothSecretsSign() {
        endpoint = registerFor(List.of("account.closed"));
        IssuedWebhookSecret rotated = rotate.rotate(administrator, endpoint.endpointId());
        long account = registrations.accountOf(registrations.registerVerified("Ron"));
        closeAccount.close(administrator, account);

        await().atMost(WAIT).until(() -> !ofAccount(account).isEmpty());
        WebhookReceiver.Request request = ofAccount(account).getFirst();
        assertThat(rotated.secret()).isNotEqualTo(endpoint.secret()).startsWith("whsec_");
        assertThat(request.signature().split(" ")).hasSize(2);
        assertThat(new StandardWebhooksVerifier(endpoint.secret()).verifies(request)).isTrue();
        assertThat(new StandardWebhooksVerifier(rotated.secret()).verifies(request)).isTrue();
        assertThat(new StandardWebhooksVerifier(WebhookSecret.generate().text()).verifies(request)).isFalse();
    }

    @Test
    void aTestEventArrivesSignedAndARedeliveryRepeatsItWithTheSameId() {
        endpoint = registerFor(List.of("account.closed"));
        UUID id = sendTest.send(administrator, endpoint.endpointId());

        await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
        WebhookReceiver.Request first = receiver.requests().getFirst();
        assertThat(first.id()).isEqualTo(id.toString());
        assertThat(body(first).get("type").asString()).isEqualTo("webhook.test");
        assertThat(new StandardWebhooksVerifier(endpoint.secret()).verifies(first)).isTrue();
        WebhookDelivery delivery = deliveries.ofEndpoint(endpoint.endpointId(), 10).getFirst();
        assertThat(delivery.state()).isEqualTo(WebhookDelivery.State.DELIVERED);
        assertThat(delivery.lastStatus()).isEqualTo(200);

        redeliver.redeliver(administrator, endpoint.endpointId(), delivery.id());
        await().atMost(WAIT).until(() -> receiver.requests().size() == 2);
        WebhookReceiver.Request again = receiver.requests().get(1);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(new StandardWebhooksVerifier(endpoint.secret()).verifies(again)).isTrue();
        assertThatThrownBy(() -> redeliver.redeliver(administrator, endpoint.endpointId() + 1000, delivery.id()))
                .isInstanceOf(NotFound.class);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_events WHERE action IN ('webhook.test_sent', 'webhook.redelivered')
                  AND details LIKE ?""").param("endpoint=" + endpoint.endpointId() + ";%").query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void endpointsOnRefusedAddressesOrSchemesAreNotRegistered() {
        for (String url : List.of("https://10.0.0.1/hooks", "https://169.254.169.254/latest/meta-data",
                "https://192.168.1.20/hooks", "https://[::1]/hooks", "https://[fd00::1]/hooks", "https://0.0.0.0/",
                "ftp://example.com/hooks", "https://user:pw@example.com/hooks", "not a url")) {
            assertThatThrownBy(() -> register.register(administrator,
                    new RegisterWebhookEndpoint.NewEndpoint(url, null, Set.of("user.created"))))
                    .as(url).isInstanceOfSatisfying(WebhookRefused.class,
                            refused -> assertThat(refused.field()).isEqualTo("url"));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_endpoints WHERE url LIKE '%10.0.0.1%' OR url LIKE '%169.254%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyAnAdministratorRegistersAndEventTypesMustBeKnown() {
        Actor.Staff support = new Actor.Staff(2, Actor.Staff.Role.SUPPORT, "Sam Support", "sam@example.com");
        assertThatThrownBy(() -> register.register(support,
                new RegisterWebhookEndpoint.NewEndpoint(receiver.url(), null, Set.of("user.created"))))
                .isInstanceOfSatisfying(Refusal.class, refused -> assertThat(refused.kind())
                        .isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThatThrownBy(() -> register.register(administrator,
                new RegisterWebhookEndpoint.NewEndpoint(receiver.url(), null, Set.of("user.exploded"))))
                .isInstanceOfSatisfying(WebhookRefused.class, refused -> assertThat(refused.field())
                        .isEqualTo("eventTypes"));
        IssuedWebhookSecret issued = register.register(administrator,
                new RegisterWebhookEndpoint.NewEndpoint(receiver.url(), "Billing", Set.of("user.created")));
        endpoint = issued;
        assertThat(issued.toString()).doesNotContain(issued.secret());
        assertThat(jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = ?").param(issued.endpointId())
                .query(String.class).single()).doesNotContain(issued.secret().substring(6));
        assertThat(jdbc.sql("""
                SELECT details FROM audit_events WHERE action = 'webhook.endpoint_registered' ORDER BY id DESC
                LIMIT 1""").query(String.class).single()).contains("endpoint=" + issued.endpointId())
                .doesNotContain("receiver-secret");
    }

    private IssuedWebhookSecret registerFor(List<String> types) {
        return register.register(administrator,
                new RegisterWebhookEndpoint.NewEndpoint(receiver.url(), "Test receiver", new LinkedHashSet<>(types)));
    }

    private long version(long account, long user) {
        return jdbc.sql("SELECT version FROM memberships WHERE account_id = ? AND user_id = ?").params(account, user)
                .query(Long.class).single();
    }

    private JsonNode body(WebhookReceiver.Request request) {
        return json.readTree(request.body());
    }

    private List<WebhookReceiver.Request> ofAccount(long account) {
        return receiver.requests().stream().filter(request -> number(body(request), "/account_id") == account)
                .toList();
    }

    private List<WebhookReceiver.Request> delivered(long account) {
        return ofAccount(account).stream().filter(request -> request.answered() == 200).toList();
    }

    /** The requests about the test's account or users: other tests' changes may reach the receiver too. */
    private List<WebhookReceiver.Request> ours(long account, Set<Long> users) {
        return receiver.requests().stream().filter(request -> {
            JsonNode body = body(request);
            return number(body, "/account_id") == account
                    || users.contains(number(body, "/data/user/id"))
                    || users.contains(number(body, "/data/account/ownerUserId"));
        }).toList();
    }

    private static long number(JsonNode body, String pointer) {
        JsonNode node = body.at(pointer);
        // The envelope's account_id is a number; ids inside data are strings, as in the API.
        return node.isNumber() ? node.longValue() : node.isString() ? Long.parseLong(node.asString()) : -1;
    }

    private List<String> types(List<WebhookReceiver.Request> requests) {
        List<String> types = new ArrayList<>();
        requests.forEach(request -> types.add(body(request).get("type").asString()));
        return types;
    }
}
