package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Spring MVC's own errors: the friendly page for a browser, RFC 9457 for an API client. */
@IntegrationTest
@PageTest
class FrameworkErrorsTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Test
    void anUnknownUrlGivesABrowserThePageAndAnApiClientTheProblem() throws Exception {
        HttpResponse<String> page = get("/webjars/no-such-file.js", BROWSER);
        HttpResponse<String> problem = get("/webjars/no-such-file.js", "application/json");

        assertThat(page.statusCode()).isEqualTo(problem.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Page not found").doesNotContain("No static resource");
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problem.body()).contains("\"status\":404");
    }

    @Test
    void aGetOfAPostOnlyUrlGivesABrowserThePageAndAnApiClientTheProblem() throws Exception {
        HttpResponse<String> page = get("/verify-email/resend", BROWSER);
        HttpResponse<String> problem = get("/verify-email/resend", "application/json");

        assertThat(page.statusCode()).isEqualTo(problem.statusCode()).isEqualTo(405);
        assertThat(page.headers().firstValue("Allow")).hasValue("POST");
        assertThat(page.body()).contains("Something went wrong").doesNotContain("not supported");
        assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
