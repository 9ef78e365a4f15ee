package app.roster.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The sender's HTTP client against raw sockets on 127.0.0.1: what it reads, and when it stops waiting. */
class WebhookTransportTest {

    private final WebhookTransport transport = new WebhookTransport();

    /** Answers each connection with the given bytes after reading the request head, then holds it open. */
    private static ServerSocket server(String answer, CountDownLatch release) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                in.read(new byte[65536]);
                OutputStream out = socket.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                release.await();
            } catch (IOException | InterruptedException e) {
                // The test ended.
            }
        });
        return server;
    }

    private WebhookTransport.Answer post(ServerSocket server, Duration total) throws IOException {
        return transport.post(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hooks"),
                InetAddress.getLoopbackAddress(), Map.of("webhook-id", "msg_1"), "{}", Duration.ofSeconds(5), total,
                65536);
    }

    @Test
    void stopsAtTheEndOfAnAnswerEvenWhenTheConnectionStaysOpen() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = server("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n", release)) {
            WebhookTransport.Answer answer = post(server, Duration.ofSeconds(30));
            assertThat(answer.status()).isEqualTo(204);
            assertThat(answer.millis()).isLessThan(15_000);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = server("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/\r\n"
                + "Content-Length: 0\r\n\r\n", release)) {
            assertThat(post(server, Duration.ofSeconds(30)).status()).isEqualTo(302);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutAtTheTotalTimeout() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = server("", release)) {
            assertThatThrownBy(() -> post(server, Duration.ofMillis(300))).isInstanceOf(SocketTimeoutException.class);
        } finally {
            release.countDown();
        }
    }
}
