import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A local SMTP server that accepts every message and keeps only its recipient, in the order of arrival: for
 * bench/outbox.sh. Listens on 127.0.0.1:SMTP_PORT until EXPECT messages arrived (or TIMEOUT seconds passed), then
 * prints the time from its start to the last message and writes the recipients, one a line, to ARRIVALS.
 *   java bench/SmtpSink.java
 */
public class SmtpSink {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("SMTP_PORT", "18425"));
        int expect = Integer.parseInt(System.getenv().getOrDefault("EXPECT", "1000"));
        long timeout = Long.parseLong(System.getenv().getOrDefault("TIMEOUT", "300"));
        Path arrivals = Path.of(System.getenv().getOrDefault("ARRIVALS", "arrivals.txt"));
        List<String> recipients = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(expect);
        long started = System.nanoTime();
        long[] last = {started};
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try {
                        Socket socket = server.accept();
                        Thread.ofVirtual().start(() -> serve(socket, recipients, done, last));
                    } catch (Exception closed) {
                        return;
                    }
                }
            });
            boolean all = done.await(timeout, TimeUnit.SECONDS);
            double seconds = (last[0] - started) / 1e9;
            System.out.printf("received %d messages in %.1f s (%s)%n", recipients.size(), seconds,
                    all ? "all expected" : "timed out waiting for " + expect);
            Files.write(arrivals, List.copyOf(recipients));
        }
    }

    private static void serve(Socket socket, List<String> recipients, CountDownLatch done, long[] last) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.US_ASCII)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String recipient = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            // the body is not kept
                        }
                        recipients.add(recipient);
                        last[0] = System.nanoTime();
                        done.countDown();
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (Exception e) {
            // a client that hung up
        }
    }

    private static void reply(OutputStream out, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
