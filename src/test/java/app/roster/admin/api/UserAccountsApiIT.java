package app.roster.admin.api;

import static app.roster.api.RuleRefusals.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.api.ApiClient;
import app.roster.shared.Keyset;
import app.roster.shared.KeysetPage;
import app.roster.support.IntegrationTest;
import app.roster.support.KeysetWalk;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Rows;
import app.roster.support.TestCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * GET /api/v1/users/{id} lists the first page of a user's accounts and says where the rest is; GET
 * /api/v1/users/{id}/accounts walks them all, a page at a time, for a platform key with {@code users:read} only.
 */
@IntegrationTest
class UserAccountsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;

    ApiClient api;
    Rows rows;
    String key;
    Person nora;
    /** Nora's own account, then one more than a page of accounts she was added to: by id. */
    List<Long> accounts = new ArrayList<>();

    @BeforeEach
    void aUserInMoreAccountsThanAPage() {
        api = new ApiClient(port);
        rows = new Rows(jdbc);
        key = credentials.keySecret("users:read");
        nora = registrations.registerVerified("Nora");
        accounts.add(registrations.accountOf(nora));
        long otto = rows.user("otto", "Otto", "Owner");
        for (int i = 0; i < Keyset.DEFAULT_LIMIT; i++) {
            long account = rows.account("Hosting " + i, null, otto);
            rows.member(account, nora.id(), "invoices");
            accounts.add(account);
        }
    }

    private String accountsOf(long userId) {
        return "/api/v1/users/" + userId + "/accounts";
    }

    @Test
    void theUserHasTheFirstPageOfTheirAccountsAndTheCursorOfTheRest() {
        JsonNode user = api.get("/api/v1/users/" + nora.id(), key).json();

        assertThat(ids(user.get("accounts"))).containsExactlyElementsOf(accounts.subList(0, Keyset.DEFAULT_LIMIT));
        assertThat(user.get("accounts").get(0).get("owner").asBoolean()).isTrue();
        assertThat(user.get("moreAccounts").asBoolean()).isTrue();
        String next = user.get("accountsNext").asString();
        assertThat(next).isNotBlank();

        ApiClient.Response rest = api.get(accountsOf(nora.id()) + "?cursor=" + next, key);
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(ids(rest.json().get("items"))).containsExactly(accounts.getLast());
        assertThat(rest.json().get("items").get(0).get("permissions").get(0).asString()).isEqualTo("invoices");
        assertThat(absent(rest.json().path("next"))).isTrue();

        Person olga = registrations.registerVerified("Olga");
        JsonNode alone = api.get("/api/v1/users/" + olga.id(), key).json();
        assertThat(alone.get("accounts").size()).isOne();
        assertThat(absent(alone.path("accountsNext"))).isTrue();
        assertThat(alone.get("moreAccounts").asBoolean()).isFalse();
    }

    @Test
    void theAccountsAreWalkedAPageAtATimeEachOnceWhileTheUserJoinsMore() {
        List<Long> joined = new ArrayList<>();
        long otto = rows.user("otto", "Otto", "Owner");

        List<Long> walked = KeysetWalk.all(this::page, 7, () -> {
            if (joined.isEmpty()) {
                long later = rows.account("Later", null, otto);
                rows.member(later, nora.id(), "");
                joined.add(later);
            }
        });

        assertThat(walked).doesNotHaveDuplicates().isSorted()
                .containsExactlyElementsOf(Stream.concat(accounts.stream(), joined.stream()).toList());
        assertThat(api.get(accountsOf(nora.id()) + "?limit=200", key).json().get("items").size())
                .isEqualTo(accounts.size() + 1);
    }

    @Test
    void onlyAKeyWithUsersReadReadsThem() {
        ApiClient.Response withoutScope = api.get(accountsOf(nora.id()), credentials.keySecret("accounts:read"));
        assertThat(withoutScope.status()).isEqualTo(403);
        assertThat(withoutScope.json().get("type").asString()).isEqualTo("urn:roster:problem:missing-scope");
        String token = credentials.tokenSecret(nora.id(), accounts.getFirst(), "users", "profile");
        ApiClient.Response byToken = api.get(accountsOf(nora.id()), token);
        assertThat(byToken.status()).isEqualTo(403);
        assertThat(byToken.json().get("type").asString()).isEqualTo("urn:roster:problem:missing-scope");

        ApiClient.Response missing = api.get(accountsOf(999_999_999L), key);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:roster:problem:not-found");
        assertRefusedOn(api.get(accountsOf(nora.id()) + "?limit=0", key), "limit.invalid", "limit");
        assertRefusedOn(api.get(accountsOf(nora.id()) + "?limit=201", key), "limit.invalid", "limit");
        String usersCursor = api.get("/api/v1/users?limit=1", credentials.keySecret("users:read")).json()
                .get("next").asString();
        assertRefusedOn(api.get(accountsOf(nora.id()) + "?cursor=" + usersCursor, key), "cursor.invalid", "cursor");
    }

    private KeysetPage<Long> page(Keyset keyset) {
        ApiClient.Response page = api.get(accountsOf(nora.id()) + "?limit=" + keyset.limit()
                + (keyset.cursor() == null ? "" : "&cursor=" + keyset.cursor()), key);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode next = page.json().path("next");
        return new KeysetPage<>(ids(page.json().get("items")), absent(next) ? null : next.asString());
    }

    private static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull();
    }

    private static List<Long> ids(JsonNode accounts) {
        List<Long> ids = new ArrayList<>();
        accounts.forEach(account -> ids.add(Long.parseLong(account.get("accountId").asString())));
        return ids;
    }
}
