package app.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Mailbox;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A log line of a request, in the JSON that {@code ROSTER_LOG_FORMAT=json} selects (Spring Boot's ECS encoder),
 * carries the request id the response sent back, the user and the account, and never the user's address. The
 * suite's own logging stays plain text: the encoder is attached to Roster's security logger for this test only.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIT {

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;

    private final Logger security = (Logger) LoggerFactory.getLogger("roster.security");
    private ConsoleAppender<ILoggingEvent> json;

    @BeforeEach
    void jsonLines() {
        LoggerContext context = security.getLoggerContext();
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(LogFormat.structured("json"));
        encoder.start();
        json = new ConsoleAppender<>();
        json.setContext(context);
        json.setName("json-for-test");
        json.setEncoder(encoder);
        json.start();
        security.addAppender(json);
    }

    @AfterEach
    void plainAgain() {
        security.detachAppender(json);
        json.stop();
    }

    @Test
    void aRequestsLogLineIsJsonWithTheRequestIdTheUserAndTheAccount(CapturedOutput output) {
        Person olga = registrations.registerVerified("Olga");
        long account = registrations.accountOf(olga);
        Visitor visitor = new Visitor(port);
        visitor.login(olga.email(), olga.password());

        Visitor.Page page = visitor.get("/users/999999999/permissions");
        String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();

        assertThat(page.status()).isEqualTo(404);
        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{") && line.contains(requestId))
                .map(line -> JsonMapper.shared().readTree(line)).toList();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.getFirst();
        assertThat(line.path("message").asString()).startsWith("security event kind=not_found");
        assertThat(line.path("http").path("request").path("id").asString()).isEqualTo(requestId);
        assertThat(line.path("user").path("id").asString()).isEqualTo("user:" + olga.id());
        assertThat(line.path("roster").path("account").path("id").asString()).isEqualTo(Long.toString(account));
        assertThat(line.path("client").path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(line.toString()).doesNotContain(olga.email());
    }

    @Test
    void followingAResetLinkAndGuessingOneLeavesNoTokenInTheLog(CapturedOutput output) {
        Person rita = registrations.registerVerified("Rita");
        Visitor visitor = new Visitor(port);
        visitor.get("/password/forgot");
        visitor.post("/password/forgot", java.util.Map.of("email", rita.email()));
        String link = Mailbox.link(Mailbox.shared().awaitSubject(rita.email(), "Reset"), "/password/reset");
        String token = link.substring(link.indexOf("token=") + 6);
        String guess = token.substring(0, token.length() - 4) + "AAAA";

        visitor.open(link);
        visitor.open("/password/reset?token=" + guess);

        assertThat(output.getOut()).as("the guess was logged as a security event, in JSON")
                .contains("link=reset").doesNotContain(token).doesNotContain(guess).doesNotContain(rita.email());
    }

    @Test
    void aRequestIdFromAProxyIsKeptAndAMalformedOneReplaced() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var kept = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/login")).header("X-Request-Id", "lb-7f3a2c91d4")
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        var replaced = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/login")).header("X-Request-Id", "bad id\"{}")
                .build(), java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a2c91d4");
        assertThat(replaced.headers().firstValue("X-Request-Id")).get().asString()
                .matches("[0-9a-f-]{36}");
    }
}
