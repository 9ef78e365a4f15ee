package app.roster.oidc;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client's back-channel logout endpoint on a random port: keeps every logout token posted to it and answers
 * with the statuses it was given, in turn (200 once they run out).
 */
final class LogoutReceiver implements AutoCloseable {

    /** What was posted: the content type and the logout_token field. */
    record Received(String contentType, String logoutToken) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();

    LogoutReceiver(Integer... statuses) throws IOException {
        this.statuses.addAll(List.of(statuses));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/backchannel-logout", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                String token = null;
                for (String pair : form.split("&")) {
                    if (pair.startsWith("logout_token=")) {
                        token = URLDecoder.decode(pair.substring("logout_token=".length()), StandardCharsets.UTF_8);
                    }
                }
                received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), token));
                Integer status = this.statuses.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel-logout";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
