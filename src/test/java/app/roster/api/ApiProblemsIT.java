package app.roster.api;

import static app.roster.api.ApiAuthenticationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.roster.credential.IssuedSecret;
import app.roster.support.IntegrationTest;
import app.roster.support.TestCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every failure under /api is an RFC 9457 problem document, never a page or a stack trace. */
@IntegrationTest
class ApiProblemsIT {

    private static final String CHECKS = "/api/v1/access-checks";

    @LocalServerPort
    int port;
    @Autowired
    TestCredentials credentials;
    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    IssuedSecret key;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        key = credentials.apiKey("Problems", "members:read");
    }

    @Test
    void anUnknownFieldIsA400NamingItAndNothingIsBound() {
        ApiClient.Response topLevel = api.post(CHECKS, key.secret(),
                "{\"checks\":[{\"userId\":\"1\",\"accountId\":\"1\",\"permission\":\"invoices\"}],\"admin\":true}");
        ApiClient.Response nested = api.post(CHECKS, key.secret(),
                "{\"checks\":[{\"userId\":\"1\",\"accountId\":\"1\",\"permission\":\"invoices\",\"owner\":true}]}");

        assertProblem(topLevel, 400, "urn:roster:problem:unknown-field");
        assertThat(topLevel.json().get("errors").get(0).get("field").asString()).isEqualTo("admin");
        assertProblem(nested, 400, "urn:roster:problem:unknown-field");
        assertThat(nested.json().get("errors").get(0).get("field").asString()).isEqualTo("checks[0].owner");
    }

    @Test
    void malformedMistypedOrInvalidBodiesAre400s() {
        assertProblem(api.post(CHECKS, key.secret(), "{\"checks\": ["), 400, "urn:roster:problem:malformed");
        assertProblem(api.post(CHECKS, key.secret(), ""), 400, "urn:roster:problem:malformed");
        assertProblem(api.post(CHECKS, key.secret(), "{\"checks\":[]} {}"), 400, "urn:roster:problem:malformed");
        ApiClient.Response mistyped = api.post(CHECKS, key.secret(), "{\"checks\":\"all\"}");
        assertProblem(mistyped, 400, "urn:roster:problem:invalid-request");
        assertThat(mistyped.json().get("errors").get(0).get("field").asString()).isEqualTo("checks");

        ApiClient.Response invalid = api.post(CHECKS, key.secret(),
                "{\"checks\":[{\"userId\":\"x1\",\"accountId\":\"1\",\"permission\":\"\"}]}");
        assertProblem(invalid, 400, "urn:roster:problem:validation");
        assertThat(invalid.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("checks[0].userId", "checks[0].permission");
        assertProblem(api.post(CHECKS, key.secret(), "{\"checks\":[]}"), 400, "urn:roster:problem:validation");
        assertProblem(api.post(CHECKS, key.secret(), "{}"), 400, "urn:roster:problem:validation");
    }

    @Test
    void aTooLargeBodyIs413WithOrWithoutContentLength() throws Exception {
        String big = "{\"checks\":[" + "{\"userId\":\"1\",\"accountId\":\"1\",\"permission\":\"invoices\"},".repeat(1200)
                + "{\"userId\":\"1\",\"accountId\":\"1\",\"permission\":\"invoices\"}]}";
        assertThat(big.length()).isGreaterThan(64 * 1024);

        assertProblem(api.post(CHECKS, key.secret(), big), 413, "urn:roster:problem:too-large");
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + CHECKS))
                .header("Authorization", "Bearer " + key.secret()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void wrongMethodMediaTypeOrRouteAreProblemsToo() throws IOException {
        ApiClient.Response method = api.delete("/api/v1/permissions", key.secret());
        assertProblem(method, 405, "urn:roster:problem:method-not-allowed");
        assertThat(method.header("Allow")).contains("GET");

        assertProblem(api.send("GET", "/api/v1/permissions", Map.of("Authorization", "Bearer " + key.secret(),
                "Accept", "text/html"), null), 406, "urn:roster:problem:not-acceptable");
        assertProblem(api.send("POST", CHECKS, Map.of("Authorization", "Bearer " + key.secret(),
                "Content-Type", "text/plain"), "checks"), 415, "urn:roster:problem:unsupported-media-type");
        assertProblem(api.get("/api/v1/nothing-here", key.secret()), 404, "urn:roster:problem:no-route");
        assertProblem(api.get("/api/v1/accounts/abc/members/1", key.secret()), 404, "urn:roster:problem:not-found");
        assertProblem(api.get("/api/v1/nothing-here", null), 401, "urn:roster:problem:unauthorized");
        // Refused by the firewall before any chain: the container's error dispatch still answers a problem.
        assertProblem(api.get("/api/v1/permissions;jsessionid=x", key.secret()), 400,
                "urn:roster:problem:invalid-request");
    }

    @Test
    void pastTheCredentialsLimitIs429WithRetryAfterAndEveryAnswerTellsTheBudget() {
        ApiClient.Response first = api.get("/api/v1/permissions", key.secret());
        assertThat(first.header("RateLimit-Policy")).isEqualTo("\"credential\";q=1200;w=60");
        assertThat(first.header("RateLimit")).matches("\"credential\";r=1199;t=\\d+");

        jdbc.sql("UPDATE rate_limits SET hits = 1200 WHERE bucket = ?").param("api:api_key:" + key.id()).update();
        ApiClient.Response limited = api.get("/api/v1/permissions", key.secret());

        assertProblem(limited, 429, "urn:roster:problem:rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(limited.header("RateLimit")).startsWith("\"credential\";r=0;");
        assertThat(api.get("/api/v1/permissions", credentials.keySecret("members:read")).status()).as("another credential has its own budget").isEqualTo(200);
    }

    @Test
    void crossOriginCallsGetNoCorsHeadersByDefault() {
        ApiClient.Response preflight = api.send("OPTIONS", CHECKS, Map.of("Origin", "https://elsewhere.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization"), null);
        ApiClient.Response call = api.send("GET", "/api/v1/permissions", Map.of("Origin", "https://elsewhere.example",
                "Authorization", "Bearer " + key.secret()), null);

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(call.header("Access-Control-Allow-Origin")).isNull();
    }
}
