package app.roster.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;

/**
 * The request with its body read once into memory: hashed to recognise a retry, then read again by whatever
 * handles it. A form body has been read into parameters already (see {@code web.UnreadableRequestFilter}), so a
 * form request is recognised by its parameters instead.
 */
final class BufferedRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    private BufferedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** The request with its body, or null when the body is longer than {@code maxBytes}. */
    static BufferedRequest read(HttpServletRequest request, long maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            return null;
        }
        if (isForm(request.getContentType())) {
            // Parsed before the body is read, or the container could no longer parse it.
            request.getParameterMap();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            return body.length > maxBytes ? null : new BufferedRequest(request, body);
        }
    }

    /** SHA-256 of method, path with query, and body (or form parameters), in hex. */
    String hash() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String query = getQueryString();
            sha256.update((getMethod() + "\n" + getRequestURI() + (query == null ? "" : "?" + query) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            if (isForm(getContentType())) {
                Map<String, String[]> sorted = new TreeMap<>(getParameterMap());
                sorted.forEach((name, values) -> sha256.update((name + "=" + String.join("\u0000", values) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean isForm(String type) {
        return type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type));
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("The body is already in memory");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
