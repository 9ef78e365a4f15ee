package app.roster.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One person with one browser, talking HTTP to the running application: cookies kept, redirects not
 * followed (tests look at them), the CSRF token taken from the last page like a browser's form would. The
 * Client Area and the Admin Area are two sessions with their own tokens, so the token is kept per area.
 */
public final class Visitor {

    /** One response: status, redirect target and the parsed page. */
    public record Page(int status, String location, String body, Document html, java.net.http.HttpHeaders headers) {

        public String text() {
            return html.text();
        }

        public Element field(String name) {
            return html.selectFirst("[name=" + name + "]");
        }

        public String csrf() {
            Element meta = html.selectFirst("meta[name=_csrf]");
            if (meta != null) {
                return meta.attr("content");
            }
            Element input = html.selectFirst("input[name=_csrf]");
            return input == null ? null : input.attr("value");
        }
    }

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Map<Boolean, String> csrf = new java.util.concurrent.ConcurrentHashMap<>();

    public Visitor(int port) {
        this(port, false);
    }

    private Visitor(int port, boolean behindTls) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(behindTls ? asHttps(cookies) : cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A visitor of a deployment behind a TLS-terminating proxy: the browser talks https to the proxy, so it
     * keeps and sends {@code Secure} cookies, while the test talks plain http to the application.
     */
    public static Visitor behindTls(int port) {
        return new Visitor(port, true);
    }

    public Page get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Accept", "text/html").GET().build());
    }

    /** A GET as htmx sends it (header {@code HX-Request: true}). */
    public Page htmxGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").header("HX-Request", "true")
                .GET().build());
    }

    /** Follows redirects from a GET to the final page, like a browser. */
    public Page open(String pathOrUrl) {
        Page page = get(pathOrUrl);
        for (int hops = 0; page.status() / 100 == 3 && hops < 10; hops++) {
            page = get(page.location());
        }
        return page;
    }

    /** A form POST carrying the CSRF token of the last page seen. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        String token = csrf.get(adminArea(path));
        if (token != null) {
            withToken.putIfAbsent("_csrf", token);
        }
        return postRaw(path, withToken);
    }

    /** A form POST with repeated fields (checkboxes), carrying the CSRF token of the last page seen. */
    public Page post(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
        String token = csrf.get(adminArea(path));
        if (token != null && fields.stream().noneMatch(e -> e.getKey().equals("_csrf"))) {
            withToken.add(Map.entry("_csrf", token));
        }
        return postRaw(path, withToken);
    }

    /** A form POST exactly as given: no CSRF token unless the test puts one in. */
    public Page postRaw(String path, Map<String, String> form) {
        return postRaw(path, List.copyOf(form.entrySet()));
    }

    /** A form POST with repeated fields exactly as given: no CSRF token unless the test puts one in. */
    public Page postRaw(String path, List<Map.Entry<String, String>> form) {
        String body = form.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The value of a cookie the application set, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Drops a cookie, as a browser that never got it (the same session used from another browser). */
    public void forget(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(cookie -> cookies.getCookieStore().remove(null, cookie));
    }

    /** The response headers of a plain GET. */
    public java.net.http.HttpHeaders headers(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.discarding()).headers();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A person logged in through the real form who has chosen this account, as the account chooser does. */
    public static Visitor inAccount(int port, long accountId, Registrations.Person person) {
        Visitor visitor = new Visitor(port);
        visitor.login(person.email(), person.password());
        visitor.get("/accounts");
        Page selected = visitor.post("/accounts/" + accountId + "/select", Map.of());
        if (selected.status() != 302) {
            throw new AssertionError("choosing account " + accountId + " answered " + selected.status());
        }
        return visitor;
    }

    /** Logs in through the real form; answers the page after the redirects. */
    public Page login(String email, String password) {
        get("/login");
        Page result = post("/login", Map.of("email", email, "password", password));
        return result.status() / 100 == 3 ? open(result.location()) : result;
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            Document html = Jsoup.parse(body, base);
            Page page = new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    body, html, response.headers());
            if (page.csrf() != null) {
                csrf.put(adminArea(request.uri().getRawPath()), page.csrf());
            }
            return page;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Links from emails and logs carry the configured base URL; this visitor goes to the test server. */
    private URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("http")) {
            URI link = URI.create(pathOrUrl);
            return URI.create(base + link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
        }
        return URI.create(base + pathOrUrl);
    }

    private static java.net.CookieHandler asHttps(CookieManager cookies) {
        return new java.net.CookieHandler() {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
                return cookies.get(https(uri), headers);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> headers) throws IOException {
                cookies.put(https(uri), headers);
            }
        };
    }

    private static URI https(URI uri) {
        return URI.create("https://" + uri.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private static boolean adminArea(String pathOrUrl) {
        String path = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl).getRawPath() : pathOrUrl.split("[?#]")[0];
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
