package app.roster.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The check that no test JVM's log holds a secret its tests saw made. {@code logback-test.xml} writes every log
 * event of the JVM, one line each, to {@code target/test-logs/<pass>-<fork>.log} (appended to: the part of this
 * run starts where the file ended when the JVM's session opened); at the end of the session {@link PassTimer}
 * runs {@link #run()}, which also records every link of every email the shared {@link Mailbox} received.
 */
public final class SuiteLogCheck {

    private static final Path LOG = Path.of("target", "test-logs",
            System.getProperty("roster.test.database", "h2") + "-" + System.getProperty("roster.test.fork", "0") + ".log");
    private static volatile long from = -1;

    /** What one check found, and how long it took. */
    public record Outcome(List<LogLeaks.Leak> leaks, int secrets, long bytes, Duration took) {
    }

    private SuiteLogCheck() {
    }

    static void sessionOpened() {
        if (from < 0) {
            from = length();
        }
    }

    static Outcome run() {
        long started = System.nanoTime();
        Mailbox.recordEveryLink();
        Map<String, String> secrets = new HashMap<>(Secrets.all());
        if (!Files.exists(LOG)) {
            return new Outcome(List.of(), secrets.size(), 0, Duration.ofNanos(System.nanoTime() - started));
        }
        try (FileChannel channel = FileChannel.open(LOG)) {
            long start = Math.max(from, 0);
            channel.position(start);
            BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8), 1 << 16);
            List<LogLeaks.Leak> leaks = new LogLeaks(secrets).find(reader);
            return new Outcome(leaks, secrets.size(), channel.size() - start, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path log() {
        return LOG;
    }

    private static long length() {
        try {
            return Files.exists(LOG) ? Files.size(LOG) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
