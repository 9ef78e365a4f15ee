package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.PageTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests Tomcat cannot read (too large, malformed) are the client's mistake: the friendly error page with a
 * 4xx, and in the log one WARN line at most, never an ERROR and never a stack trace. Each request carries a
 * valid session and CSRF token, so it gets past Spring Security to wherever its parameters are first read.
 */
@IntegrationTest
@PageTest
@ExtendWith(OutputCaptureExtension.class)
// TestInfrastructure lets Tomcat read bodies up to 16 MB to the end (server.tomcat.max-swallow-size), so the
// client does not lose the 413 to a connection reset, without changing the limits under test.
class MalformedRequestLoggingIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MEGABYTE = "a".repeat(1024 * 1024);

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private String csrf;

    @BeforeEach
    void aSessionWithItsCsrfToken() throws Exception {
        String page = send(HttpRequest.newBuilder(uri("/register")).GET()).body();
        String marker = "name=\"_csrf\" content=\"";
        int at = page.indexOf(marker) + marker.length();
        csrf = page.substring(at, page.indexOf('"', at));
    }

    @Test
    void aFormLargerThanTheConnectorTakesIs413WithOneWarning(CapturedOutput output) throws Exception {
        refused(output, 413, () -> post("/register", FORM, "firstName=" + MEGABYTE.repeat(3)));
    }

    @Test
    void aMultipartFileLargerThanTheLimitIs413WithOneWarning(CapturedOutput output) throws Exception {
        refused(output, 413, () -> post("/register", "multipart/form-data; boundary=xyz", "--xyz\r\n"
                + "Content-Disposition: form-data; name=\"firstName\"; filename=\"a.txt\"\r\n\r\n" + MEGABYTE.repeat(2)
                + "\r\n--xyz--\r\n"));
    }

    @Test
    void aBrokenMultipartBodyIs400WithOneWarning(CapturedOutput output) throws Exception {
        refused(output, 400, () -> post("/login", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nnever ends"));
        refused(output, 400, () -> post("/login", "multipart/form-data", "no boundary at all"));
    }

    @Test
    void malformedParametersAre400WithOneWarning(CapturedOutput output) throws Exception {
        refused(output, 400, () -> post("/login", FORM, "email=%zz&password=%"));
        refused(output, 400, () -> post("/login", FORM, "email=%C0%80%FF"));
        refused(output, 400, () -> post("/login", FORM, "a=1&".repeat(20_000)));
        refused(output, 400, () -> rawGet("/login?q=%zz"));
    }

    @Test
    void aReadableFormIsStillReadAsUtf8() throws Exception {
        Answer answer = post("/register", FORM, "firstName=Zo%C3%AB&lastName=" + "b".repeat(100) + "&email=x");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(Jsoup.parse(answer.body()).selectFirst("input[name=firstName]").val()).isEqualTo("Zoë");
    }

    private void refused(CapturedOutput output, int status, Request request) throws Exception {
        int before = output.getOut().length();
        Answer answer = request.send();
        String logged = output.getOut().substring(before);

        assertThat(answer.status()).isEqualTo(status);
        assertThat(Jsoup.parse(answer.body()).select("main#main h1")).as("the friendly page").isNotEmpty();
        assertThat(answer.body()).doesNotContain("Exception");
        assertThat(logged).doesNotContain(" ERROR ").doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(logged.lines().filter(line -> line.contains("UnreadableRequestFilter")))
                .singleElement().asString().contains(" WARN ").contains("with " + status);
    }

    private record Answer(int status, String body) {
    }

    @FunctionalInterface
    private interface Request {
        Answer send() throws Exception;
    }

    private Answer post(String path, String type, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(body)));
        return new Answer(response.statusCode(), response.body());
    }

    /** A request line no HTTP client library lets through: a malformed escape in the query string. */
    private Answer rawGet(String pathAndQuery) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new Answer(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build()) {
            return http.send(request.header("Accept", "text/html").header("Accept-Language", "en").build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
