package app.roster.api;

import static app.roster.api.ApiAuthenticationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations.Person;
import app.roster.support.RequestConnections;
import app.roster.support.Tenants;
import app.roster.support.Tenants.Tenant;
import app.roster.support.TestCredentials;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/access-checks: many questions, one answer each in order, from one query. */
@IntegrationTest
class AccessChecksApiIT {

    private static final String CHECKS = "/api/v1/access-checks";

    @LocalServerPort
    int port;
    @Autowired
    TestCredentials credentials;
    @Autowired
    Tenants tenants;

    ApiClient api;
    Person owner;
    long account;
    Person member;
    long otherAccount;
    Person otherOwner;

    @BeforeEach
    void accounts() {
        api = new ApiClient(port);
        Tenant tenant = tenants.withMember("invoices");
        owner = tenant.owner();
        account = tenant.account();
        member = tenant.member();
        otherOwner = tenant.stranger();
        otherAccount = tenant.strangersAccount();
    }

    @Test
    void eachCheckIsAnsweredInOrder() {
        ApiClient.Response response = api.post(CHECKS, credentials.keySecret("members:read"), body(
                check(member.id(), account, "invoices"), check(member.id(), account, "orders"),
                check(owner.id(), account, "orders"), check(otherOwner.id(), account, "invoices"),
                check(otherOwner.id(), otherAccount, "users"), check(member.id(), 999_999_999_999L, "invoices"),
                check(member.id(), account, "invoices")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(allowed(response)).containsExactly(true, false, true, false, true, false, true);
        JsonNode first = response.json().get("results").get(0);
        assertThat(first.get("userId").asString()).isEqualTo(String.valueOf(member.id()));
        assertThat(first.get("accountId").asString()).isEqualTo(String.valueOf(account));
        assertThat(first.get("permission").asString()).isEqualTo("invoices");
    }

    @Test
    void aHundredChecksCostTheDatabaseNoMoreThanOne() {
        String key = credentials.keySecret("members:read");
        api.post(CHECKS, key, body(check(member.id(), account, "invoices")));
        String hundred = body(IntStream.range(0, 100).mapToObj(i -> check(i % 2 == 0 ? member.id() : owner.id() + i,
                i % 3 == 0 ? otherAccount : account, "invoices")).toArray(String[]::new));

        long one = connectionsUsedBy(() -> api.post(CHECKS, key, body(check(member.id(), account, "invoices"))));
        long many = connectionsUsedBy(() -> assertThat(api.post(CHECKS, key, hundred).status()).isEqualTo(200));

        // Only the request threads' connections (the pollers' would grow with a slow request); one query per check
        // would be a hundred more.
        assertThat(one).isPositive();
        assertThat(many).isLessThan(one + 10);
        assertProblem(api.post(CHECKS, key, body(IntStream.range(0, 101)
                .mapToObj(i -> check(member.id(), account, "invoices")).toArray(String[]::new))), 400,
                "urn:roster:problem:validation");
    }

    @Test
    void anUnknownPermissionIsRefusedNamingTheCheck() {
        ApiClient.Response response = api.post(CHECKS, credentials.keySecret("members:read"),
                body(check(member.id(), account, "invoices"), check(member.id(), account, "invoice")));

        assertProblem(response, 422, "urn:roster:problem:rule-refused");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("checks[1].permission");
    }

    @Test
    void aPersonalTokenAsksAboutItsOwnAccountOnlyAndAboutOthersThereOnlyWithUsers() {
        String token = credentials.tokenSecret(member.id(), account, "invoices");

        ApiClient.Response self = api.post(CHECKS, token, body(check(member.id(), account, "invoices"),
                check(member.id(), account, "orders"), check(otherOwner.id(), otherAccount, "invoices"),
                check(member.id(), otherAccount, "invoices")));
        assertThat(allowed(self)).containsExactly(true, false, false, false);
        assertProblem(api.post(CHECKS, token, body(check(owner.id(), account, "invoices"))), 403,
                "urn:roster:problem:forbidden");

        String ownersToken = credentials.tokenSecret(owner.id(), account, "users");
        assertThat(allowed(api.post(CHECKS, ownersToken, body(check(member.id(), account, "invoices"),
                check(otherOwner.id(), otherAccount, "invoices"))))).containsExactly(true, false);
    }

    private long connectionsUsedBy(Runnable call) {
        long before = RequestConnections.taken();
        call.run();
        return RequestConnections.taken() - before;
    }


    static String check(long userId, long accountId, String permission) {
        return "{\"userId\":\"" + userId + "\",\"accountId\":\"" + accountId + "\",\"permission\":\"" + permission + "\"}";
    }

    static String body(String... checks) {
        return "{\"checks\":[" + String.join(",", checks) + "]}";
    }

    static List<Boolean> allowed(ApiClient.Response response) {
        return response.json().get("results").valueStream().map(result -> result.get("allowed").asBoolean())
                .collect(Collectors.toList());
    }
}
