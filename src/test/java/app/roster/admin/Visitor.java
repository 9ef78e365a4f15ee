package app.roster.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser against the running application: keeps its cookies, never follows redirects, and sends
 * back the CSRF token of the last page it saw.
 */
final class Visitor {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    record Page(int status, String body, String location) {
    }

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;

    Visitor(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** Posts the form with the CSRF token of the last page seen. */
    Page post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.put("_csrf", csrf);
        }
        return postWithoutCsrf(path, withToken);
    }

    Page postWithoutCsrf(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Accept-Language", "en").build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrf = token.group(1);
            }
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie's current value, to see it change at login. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SESSION")).map(java.net.HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    /** Links from emails and logs carry the configured base URL; this visitor goes to the test server. */
    private URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("http")) {
            URI link = URI.create(pathOrUrl);
            return URI.create(base + link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
        }
        return URI.create(base + pathOrUrl);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
