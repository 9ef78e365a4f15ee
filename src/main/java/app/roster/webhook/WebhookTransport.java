package app.roster.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.stereotype.Component;

/**
 * One HTTP/1.1 POST to an address already checked ({@link TargetAddresses}), so no second DNS lookup can send it
 * elsewhere. TLS still names and verifies the URL's host (SNI, certificate host name), as a browser would.
 * Java's {@code HttpClient} resolves names itself and cannot be pointed at an address: hence a plain socket.
 * Redirects are answers like any other (a 3xx is a failure), and at most {@code maxResponse} bytes are read.
 */
@Component
class WebhookTransport {

    /** The status and how long the attempt took. */
    record Answer(int status, long millis) {
    }

    Answer post(URI uri, InetAddress address, Map<String, String> headers, String body, Duration connectTimeout,
            Duration totalTimeout, int maxResponse) throws IOException {
        long start = System.nanoTime();
        long deadline = start + totalTimeout.toNanos();
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        Socket plain = new Socket();
        try (plain) {
            plain.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
            Socket socket = https ? tls(plain, uri.getHost(), port, connectTimeout) : plain;
            try (socket) {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(head(uri, port, https, headers, bytes.length).getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
                int status = status(line(in, socket, deadline));
                drain(in, socket, deadline, maxResponse, contentLength(in, socket, deadline));
                return new Answer(status, Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
        }
    }

    private static Socket tls(Socket plain, String host, int port, Duration handshakeTimeout) throws IOException {
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        socket.setSSLParameters(parameters);
        socket.setSoTimeout((int) handshakeTimeout.toMillis());
        socket.startHandshake();
        return socket;
    }

    private static String head(URI uri, int port, boolean https, Map<String, String> headers, int length) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n")
                .append("User-Agent: Roster-Webhooks/1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /**
     * The header lines up to the blank one; the Content-Length if there is one (-1 otherwise), so that reading
     * stops at the end of the answer even when a receiver keeps the connection open despite "Connection: close".
     */
    private static long contentLength(InputStream in, Socket socket, long deadline) throws IOException {
        long length = -1;
        for (int lines = 0; lines < 100; lines++) {
            String header = line(in, socket, deadline);
            if (header.isEmpty()) {
                return length;
            }
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
                try {
                    length = Long.parseLong(header.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    length = -1;
                }
            }
        }
        return length;
    }

    private static String line(InputStream in, Socket socket, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() < 1024) {
            timeLeft(socket, deadline);
            int b = in.read();
            if (b < 0 || b == '\n') {
                break;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }

    private static int status(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[0-9]{3}")) {
            throw new IOException("Not an HTTP response");
        }
        return Integer.parseInt(parts[1]);
    }

    /** Reads what the receiver sends, up to the limit, so it is not cut off mid-answer; the rest is ignored. */
    private static void drain(InputStream in, Socket socket, long deadline, int maxResponse, long contentLength)
            throws IOException {
        long limit = contentLength < 0 ? maxResponse : Math.min(contentLength, maxResponse);
        byte[] buffer = new byte[8192];
        int total = 0;
        try {
            while (total < limit) {
                timeLeft(socket, deadline);
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
                if (read < 0) {
                    return;
                }
                total += read;
            }
        } catch (SocketTimeoutException e) {
            // The status arrived: a body that does not end in time changes nothing.
        }
    }

    private static void timeLeft(Socket socket, long deadline) throws IOException {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("Total timeout");
        }
        socket.setSoTimeout((int) left);
    }
}
