package app.roster.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.shared.OneTimeToken;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The suite's log check finds what it must, says where without printing the secret, and lets the rest be. */
class LogLeaksTest {

    @Test
    void aRecordedTokenLoggedAnywhereInALineIsFoundAndNamedByItsKind() throws IOException {
        String token = Secrets.record("token of an emailed link", OneTimeToken.generate().value());
        String log = capture(logger -> {
            logger.info("nothing to see");
            logger.warn("Refused /invitations/accept?token={}&x=1", token);
        });

        List<LogLeaks.Leak> leaks = new LogLeaks(Secrets.all()).find(new BufferedReader(new StringReader(log)));

        assertThat(leaks).singleElement().satisfies(leak -> {
            assertThat(leak.kind()).isEqualTo("token of an emailed link");
            assertThat(leak.lineNumber()).isEqualTo(2);
            assertThat(leak.line()).contains("/invitations/accept?token=" + token.substring(0, 4) + "…&x=1")
                    .doesNotContain(token);
        });
    }

    @Test
    void aMultiLineEventIsOneLineWithItsLoggerSoAnExceptionMessageIsCaughtToo() throws IOException {
        String password = Secrets.record("test password", "violet-harbour-tempest-" + System.nanoTime());
        String log = capture(logger -> logger.error("failed", new IllegalStateException("bad\npassword " + password)));

        assertThat(log.lines()).hasSize(1);
        assertThat(new LogLeaks(Secrets.all()).find(new BufferedReader(new StringReader(log))))
                .extracting(LogLeaks.Leak::kind).containsExactly("test password");
    }

    @Test
    void prefixedSecretsAreFoundEvenWhenNoTestRecordedThem() throws IOException {
        String log = """
                12:00:00.000 INFO  [main] app.roster.Example key roster_pk_0123abcd_Q2VjaSBuJ2VzdCBwYXMgdW5lIGNs
                12:00:00.001 INFO  [main] app.roster.Example signing with whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
                12:00:00.002 INFO  [main] app.roster.Example keys start with roster_pk_ and roster_pat_
                """;

        assertThat(new LogLeaks(Map.of()).find(new BufferedReader(new StringReader(log))))
                .extracting(LogLeaks.Leak::kind, LogLeaks.Leak::lineNumber)
                .containsExactly(Tuple.tuple("API key secret (roster_pk_…)", 1),
                        Tuple.tuple("webhook secret (whsec_…)", 2));
    }

    @Test
    void theFirstStartBannerMayHoldItsLinkAndALineWithoutSecretsIsClean() throws IOException {
        String token = Secrets.record("token of an emailed link", OneTimeToken.generate().value());
        String log = """
                12:00:00.000 WARN  [main] app.roster.staff.SetUpFirstStaff FIRST STAFF LOGIN: /admin/set-password?token=%s
                12:00:00.001 INFO  [main] app.roster.Example %s
                """.formatted(token, token.substring(0, LogLeaks.SHORTEST - 1) + "x" + token.substring(LogLeaks.SHORTEST));

        assertThat(new LogLeaks(Secrets.all()).find(new BufferedReader(new StringReader(log)))).isEmpty();
    }

    @Test
    void theSuiteLogIsWrittenWhereTheCheckReadsIt() {
        LoggerFactory.getLogger(LogLeaksTest.class).info("a line for the suite's log");

        assertThat(SuiteLogCheck.log()).exists().content().contains("app.roster.support.LogLeaksTest a line for the suite's log");
    }

    /** Logs through an appender of its own with the suite log's pattern (a separate capture: the suite's stays clean). */
    private static String capture(Consumer<Logger> logging) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(suitePattern(context));
        encoder.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        Logger logger = context.getLogger("app.roster.support.LogLeaksTest.capture");
        logger.setAdditive(false);
        logger.addAppender(appender);
        try {
            logging.accept(logger);
        } finally {
            logger.detachAppender(appender);
            appender.stop();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String suitePattern(LoggerContext context) {
        FileAppender<ILoggingEvent> suiteLog = (FileAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender("SUITE_LOG");
        return ((PatternLayoutEncoder) suiteLog.getEncoder()).getPattern();
    }
}
