package app.roster.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.roster.support.IntegrationTest;
import app.roster.support.RawHttp;
import app.roster.support.TestCredentials;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key against the real table (H2 and PostgreSQL). The API's own chain is not built yet, so a tiny
 * test controller under {@code /api/test} runs behind the filter in MockMvc, with a stand-in for the API's
 * authentication (header {@code X-Test-Principal}); the last tests check the filter's place in the running
 * application, after the Client Area's security chain.
 */
@IntegrationTest
class IdempotencyIT {

    private static final String THINGS = "/api/test/things";

    @Autowired
    IdempotencyFilter filter;
    @Autowired
    IdempotencyKeys keys;
    @Autowired
    IdempotencySettings settings;
    @Autowired
    MessageSource messages;
    @Autowired
    ForgetExpiredKeys forgetExpiredKeys;
    @Autowired
    FilterRegistrationBean<IdempotencyFilter> registration;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    @Autowired
    TestCredentials credentials;

    final TestController controller = new TestController();
    // Not the common pool: on two cores it has one worker, and a second task would wait for the first.
    final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    MockMvc mvc;
    String principal;

    @AfterEach
    void stopThreads() {
        controller.release.countDown();
        threads.close();
    }

    @BeforeEach
    void api() {
        mvc = mvc(filter);
        principal = "client-" + UUID.randomUUID();
    }

    @Test
    void aRetriedPostRunsOnceAndGetsTheFirstAnswerAgain() throws Exception {
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse first = send(THINGS, key, "{\"name\":\"Acme\"}");
        MockHttpServletResponse retry = send(THINGS, key, "{\"name\":\"Acme\"}");

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeader(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString()).contains("\"run\":1", "Acme");
        assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location")).endsWith("/things/1");
        assertThat(retry.getHeader("ETag")).isEqualTo(first.getHeader("ETag")).isEqualTo("\"1\"");
        assertThat(retry.getContentType()).isEqualTo(first.getContentType()).startsWith("application/json");
        assertThat(controller.runs.get()).isEqualTo(1);

        principal = "another-client";
        assertThat(send(THINGS, key, "{\"name\":\"Acme\"}").getHeader(IdempotencyFilter.REPLAYED))
                .as("keys are per principal").isNull();
        assertThat(controller.runs.get()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndRunsNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        send(THINGS, key, "{\"name\":\"Acme\"}");

        MockHttpServletResponse otherBody = send(THINGS, key, "{\"name\":\"Acme Ltd\"}");
        MockHttpServletResponse otherPath = send("/api/test/others", key, "{\"name\":\"Acme\"}");
        MockHttpServletResponse otherQuery = send(THINGS + "?notify=false", key, "{\"name\":\"Acme\"}");

        for (MockHttpServletResponse refused : List.of(otherBody, otherPath, otherQuery)) {
            assertProblem(refused, 422, "idempotency.keyReused");
        }
        assertThat(controller.runs.get()).isEqualTo(1);
        assertThat(send(THINGS, key, "{\"name\":\"Acme\"}").getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
    }

    @Test
    void aRetryWhileTheFirstStillRunsIs409AndTheFirstAnswerIsKept() throws Exception {
        String key = UUID.randomUUID().toString();
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(
                () -> sendUnchecked("/api/test/slow", key, "{}", principal), threads);
        await().atMost(Duration.ofSeconds(30)).until(() -> controller.runs.get() == 1);

        MockHttpServletResponse meanwhile = send("/api/test/slow", key, "{}");
        controller.release.countDown();

        assertProblem(meanwhile, 409, "idempotency.inProgress");
        assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        assertThat(send("/api/test/slow", key, "{}").getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(controller.runs.get()).isEqualTo(1);
    }

    @Test
    void ofTwoSimultaneousRequestsWithOneKeyOneRunsAndTheOtherIs409() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<MockHttpServletResponse>> both = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return sendUnchecked("/api/test/slow", key, "{}", principal);
                }, threads)).toList();
        start.countDown();

        MockHttpServletResponse refused = (MockHttpServletResponse) CompletableFuture.anyOf(both.toArray(
                CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        controller.release.countDown();

        assertProblem(refused, 409, "idempotency.inProgress");
        assertThat(both.stream().map(CompletableFuture::join).map(MockHttpServletResponse::getStatus))
                .containsExactlyInAnyOrder(201, 409);
        assertThat(controller.runs.get()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsNotKeptSoTheRetryRunsAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        controller.failing.set(true);

        assertThat(send("/api/test/flaky", key, "{}").getStatus()).isEqualTo(503);
        assertThat(rowsOf(key)).isZero();
        assertThat(send("/api/test/flaky", key, "{}").getStatus()).isEqualTo(503);
        controller.failing.set(false);
        MockHttpServletResponse worked = send("/api/test/flaky", key, "{}");
        MockHttpServletResponse retry = send("/api/test/flaky", key, "{}");

        assertThat(worked.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retry.getContentAsString()).isEqualTo(worked.getContentAsString());
        assertThat(controller.runs.get()).isEqualTo(3);
    }

    @Test
    void aHandlerThatThrowsReleasesTheKey() throws Exception {
        String key = UUID.randomUUID().toString();
        try {
            send("/api/test/broken", key, "{}");
        } catch (jakarta.servlet.ServletException expected) {
            // MockMvc hands the exception over; the container would answer 500
        }
        assertThat(rowsOf(key)).isZero();
        assertThat(controller.runs.get()).isEqualTo(1);
    }

    @Test
    void aClientErrorIsKeptLikeAnyOtherAnswer() throws Exception {
        String key = UUID.randomUUID().toString();

        MockHttpServletResponse refused = send("/api/test/refusing", key, "{}");
        MockHttpServletResponse retry = send("/api/test/refusing", key, "{}");

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(retry.getStatus()).isEqualTo(400);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(controller.runs.get()).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIs400AndRunsNothing() throws Exception {
        for (String bad : List.of("", "k".repeat(256), "ключ", "tab\there", "nul\u0000")) {
            assertProblem(send(THINGS, bad, "{}"), 400, "idempotency.keyInvalid");
        }
        MockHttpServletResponse twice = mvc.perform(request(THINGS, "{}").header(IdempotencyFilter.HEADER, "a", "b"))
                .andReturn().getResponse();
        assertProblem(twice, 400, "idempotency.keyInvalid");
        assertThat(controller.runs.get()).isZero();

        assertThat(send(THINGS, "~ !" + "k".repeat(252), "{}").getStatus()).isEqualTo(201);
    }

    @Test
    void withoutAKeyOrOutsidePostsUnderApiEveryRequestRuns() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(mvc.perform(request(THINGS, "{}")).andReturn().getResponse().getHeader(
                    IdempotencyFilter.REPLAYED)).isNull();
            assertThat(send("/test/outside", "same-key", "{}").getHeader(IdempotencyFilter.REPLAYED)).isNull();
        }
        assertThat(controller.runs.get()).isEqualTo(4);
        assertThat(rowsOf("same-key")).isZero();
    }

    @Test
    void aBodyLargerThanTheLimitIs413() throws Exception {
        String large = "{\"x\":\"" + "a".repeat((int) settings.maxBody().toBytes()) + "\"}";

        assertProblem(send(THINGS, UUID.randomUUID().toString(), large), 413, "idempotency.tooLarge");
        assertThat(controller.runs.get()).isZero();
    }

    @Test
    void anExpiredKeyRunsAsNewAndTheJobForgetsOldKeys() throws Exception {
        String key = UUID.randomUUID().toString();
        MovingClock clock = new MovingClock();
        mvc = mvc(new IdempotencyFilter(keys, settings, messages, clock));
        send(THINGS, key, "{}");
        clock.now = clock.now.plus(settings.keyLifetime()).plusSeconds(1);

        MockHttpServletResponse afterLifetime = send(THINGS, key, "{\"other\":true}");

        assertThat(afterLifetime.getStatus()).isEqualTo(201);
        assertThat(afterLifetime.getHeader(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(controller.runs.get()).isEqualTo(2);

        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        mvc = mvc(filter);
        send(THINGS, old, "{}");
        send(THINGS, recent, "{}");
        jdbc.sql("UPDATE idempotency_keys SET created_at = ? WHERE idempotency_key = ?")
                .params(Timestamp.from(Instant.now().minus(settings.keyLifetime()).minusSeconds(60)), old).update();

        forgetExpiredKeys.run();

        assertThat(rowsOf(old)).isZero();
        assertThat(rowsOf(recent)).isOne();
        assertThat(settings.keyLifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void inTheApplicationTheFilterRunsAfterSpringSecurityOnApiPaths() {
        assertThat(registration.getOrder()).isGreaterThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
        assertThat(registration.getUrlPatterns()).containsExactly("/api/*");

        RawHttp.Answer anonymous = RawHttp.post(port, "/api/anything", Map.of(IdempotencyFilter.HEADER, ""), "");
        assertThat(anonymous.status()).as("security answers first").isIn(302, 401, 403);

        String key = credentials.keySecret("members:read");
        RawHttp.Answer signedIn = RawHttp.post(port, "/api/anything",
                Map.of("Authorization", "Bearer " + key, IdempotencyFilter.HEADER, "k".repeat(256)), "{}");
        assertThat(signedIn.status()).isEqualTo(400);
        assertThat(signedIn.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(signedIn.body()).contains("\"code\":\"idempotency.keyInvalid\"");
    }

    private MockMvc mvc(IdempotencyFilter idempotency) {
        return MockMvcBuilders.standaloneSetup(controller).addFilters(new TestPrincipal(), idempotency).build();
    }

    private MockHttpServletResponse send(String path, String key, String body) throws Exception {
        return mvc.perform(request(path, body).header(IdempotencyFilter.HEADER, key)).andReturn().getResponse();
    }

    private MockHttpServletResponse sendUnchecked(String path, String key, String body, String as) {
        try {
            return mvc.perform(request(path, body).header(IdempotencyFilter.HEADER, key)
                    .header(TestPrincipal.HEADER, as)).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletRequestBuilder request(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body).header(TestPrincipal.HEADER, principal);
    }

    private int rowsOf(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = ?").param(key)
                .query(Integer.class).single();
    }

    private static void assertProblem(MockHttpServletResponse response, int status, String code) throws Exception {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("title").asString()).isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContain("idempotency.");
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(response.getHeader(IdempotencyFilter.REPLAYED)).isNull();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands in for the API's bearer authentication: the principal is whatever the header names. */
    static final class TestPrincipal extends OncePerRequestFilter {

        static final String HEADER = "X-Test-Principal";

        @Override
        protected void doFilterInternal(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, java.io.IOException {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    request.getHeader(HEADER), null, AuthorityUtils.createAuthorityList("ROLE_API")));
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    /** The POSTs of a pretend API: each counts its runs. */
    @RestController
    static final class TestController {

        final AtomicInteger runs = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();
        final CountDownLatch release = new CountDownLatch(1);

        @PostMapping({THINGS, "/api/test/others", "/test/outside"})
        ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body) {
            int run = runs.incrementAndGet();
            return ResponseEntity.created(java.net.URI.create("/api/test/things/" + run)).eTag("\"" + run + "\"")
                    .body(Map.of("run", run, "request", body));
        }

        @PostMapping("/api/test/slow")
        ResponseEntity<Map<String, Object>> slow() throws InterruptedException {
            int run = runs.incrementAndGet();
            release.await(30, TimeUnit.SECONDS);
            return ResponseEntity.status(201).body(Map.of("run", run));
        }

        @PostMapping("/api/test/flaky")
        ResponseEntity<Map<String, Object>> flaky() {
            int run = runs.incrementAndGet();
            return ResponseEntity.status(failing.get() ? 503 : 201).body(Map.of("run", run));
        }

        @PostMapping("/api/test/broken")
        ResponseEntity<Void> broken() {
            runs.incrementAndGet();
            throw new IllegalStateException("a bug");
        }

        @PostMapping("/api/test/refusing")
        ResponseEntity<Map<String, Object>> refusing() {
            runs.incrementAndGet();
            return ResponseEntity.badRequest().body(Map.of("detail", "no"));
        }
    }

    /** A clock the test moves past a key's lifetime. */
    static final class MovingClock extends Clock {

        volatile Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
