package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without ROSTER_METRICS_TOKEN (the default) there are no metrics, and health tells only UP or DOWN. */
@IntegrationTest
class MonitoringEndpointsIT {

    @LocalServerPort
    int port;

    @Test
    void thePrometheusEndpointDoesNotExistWithoutAToken() {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus", "Bearer anything-at-all").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/metrics", null).statusCode()).as("not exposed").isIn(401, 404);
    }

    @Test
    void livenessAndReadinessAnswerUpForALoadBalancerWithoutDetails() {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("components");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("outbox").doesNotContain("queued");
        assertThat(health.headers().firstValue("Set-Cookie")).as("no session for a probe").isEmpty();
    }

    @Test
    void nothingButReadingPassesTheMonitoringChain() throws Exception {
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isIn(401, 403, 405);
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
