package app.roster.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver on 127.0.0.1: records every request (headers and body as received) and answers 200,
 * or the statuses queued with {@link #answerNext}. It can be stopped and started again on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    record Request(String id, String timestamp, String signature, String body, int answered) {
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private HttpServer server;
    private int port;

    static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.listen(0);
        return receiver;
    }

    private void listen(int requestedPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer queued = answers.poll();
            int status = queued == null ? 200 : queued;
            requests.add(new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks?token=receiver-secret";
    }

    void answerNext(int... statuses) {
        for (int status : statuses) {
            answers.add(status);
        }
    }

    /** Forgets the statuses still queued: 200 from now on. */
    void answerOk() {
        answers.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    void stop() {
        server.stop(0);
    }

    void restart() {
        listen(port);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
