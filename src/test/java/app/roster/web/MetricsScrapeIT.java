package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import app.roster.support.WithSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * With ROSTER_METRICS_TOKEN set, Prometheus scrapes with that bearer token: Roster's own counters, HTTP by route
 * template, the pool, the JVM. Anyone else gets 401; the token also shows the health details.
 */
@IntegrationTest
@WithSettings("roster.metrics.token=" + MetricsScrapeIT.TOKEN)
class MetricsScrapeIT {

    static final String TOKEN = "scrape-me-0f3a9c2d7e1b4a6f";

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;
    @Value("${management.metrics.web.server.max-uri-tags}")
    int maxUriTags;

    @Test
    void withoutTheTokenOrWithAnotherOneTheEndpointAnswers401() {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", null).headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(get("/actuator/prometheus", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Basic " + TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void afterALoginTheScrapeListsRosterCountersHttpRoutesThePoolAndTheJvm() {
        Person olga = registrations.registerVerified("Olga");
        Person bruno = registrations.registerVerified("Bruno");
        double succeeded = logins("succeeded");
        double failed = logins("failed");
        double staffFailed = meters.get("roster.logins").tags("area", "admin", "outcome", "failed").counter().count();
        Visitor visitor = new Visitor(port);
        visitor.login(olga.email(), "not her password at all");
        visitor.login(olga.email(), olga.password());
        Visitor staff = new Visitor(port);
        staff.get("/admin/login");
        assertThat(staff.post("/admin/login", Map.of("email", "nobody-" + olga.email(), "password",
                "not a staff password")).location()).contains("/admin/login");
        assertThat(visitor.get("/users/" + bruno.id() + "/permissions").status()).isEqualTo(404);

        HttpResponse<String> scrape = get("/actuator/prometheus", "Bearer " + TOKEN);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(logins("succeeded") - succeeded).isEqualTo(1);
        assertThat(logins("failed") - failed).isEqualTo(1);
        assertThat(meters.get("roster.logins").tags("area", "admin", "outcome", "failed").counter().count()
                - staffFailed).isEqualTo(1);
        assertThat(scrape.body())
                .containsPattern("roster_logins_total\\{[^}]*area=\"client\"[^}]*outcome=\"succeeded\"[^}]*} [1-9]")
                .containsPattern("roster_logins_total\\{[^}]*area=\"admin\"[^}]*outcome=\"failed\"")
                .contains("roster_registrations_total")
                .containsPattern("roster_invitations_total\\{[^}]*event=\"sent\"")
                .contains("roster_outbox_queued", "roster_outbox_oldest_age_seconds", "roster_outbox_sent_total")
                .containsPattern("roster_security_events_total\\{[^}]*kind=\"not_found\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/users/\\{userId}/permissions\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/login\"[^}]*le=\"0\\.05\"")
                .doesNotContain("uri=\"/users/" + bruno.id())
                .contains("hikaricp_connections_active", "jvm_memory_used_bytes");
        assertThat(scrape.body()).as("no observation per security filter (SecurityObservations)")
                .doesNotContain("spring_security_filterchains", "spring_security_authorizations");
        assertThat(scrape.body()).as("no address or token in a label").doesNotContain(olga.email())
                .doesNotContain(TOKEN);
    }

    /**
     * Micrometer records at most {@code max-uri-tags} routes and drops every request to the others: a scrape after
     * the suite's first hundred routes (the application is shared with the classes before) lacked this class's.
     */
    @Test
    void everyRouteFitsUnderTheLimitOfRecordedRoutes() {
        long patterns = routes.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getPatternValues().stream()).distinct().count();

        assertThat(patterns).isGreaterThan(100).isLessThan(maxUriTags);
    }

    @Test
    void theTokenShowsTheHealthDetailsTheOutboxBacklogIncludedAndReadinessChecksTheDatabase() {
        HttpResponse<String> health = get("/actuator/health", "Bearer " + TOKEN);
        HttpResponse<String> readiness = get("/actuator/health/readiness", "Bearer " + TOKEN);
        HttpResponse<String> anonymous = get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"outbox\"", "\"queued\"", "\"oldestQueuedSeconds\"", "\"db\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"", "\"readinessState\"").doesNotContain("outbox");
        assertThat(anonymous.body()).doesNotContain("outbox");
    }

    private double logins(String outcome) {
        return meters.get("roster.logins").tag("area", "client").tag("outcome", outcome).counter().count();
    }

    HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
