import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages' closed-loop load client for bench/listing.sh, like ApiLoad: CONNECTIONS threads for DURATION seconds
 * after WARMUP seconds, loopback only, bounded by MAX_REQUESTS; prints throughput and latency percentiles.
 *
 * java bench/PageLoad.java NAME get URL — a GET with the session cookie in COOKIE (e.g. "SESSION=…"); 200 counts.
 * java bench/PageLoad.java NAME login BASE EMAIL PASSWORD — one sign-in per round, each in a fresh cookie jar:
 * GET /login, POST /login with its CSRF token, GET the redirect's target (and its redirects); the round counts when
 * it ends in a 200.
 */
public class PageLoad {

    static final int MAX_REQUESTS = 5_000_000;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String mode = args[1];
        String url = args[2];
        int connections = Integer.parseInt(System.getenv().getOrDefault("CONNECTIONS", "4"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("DURATION", "20"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "5"));
        String cookie = System.getenv().getOrDefault("COOKIE", "");
        String host = URI.create(url).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("Only the loopback is a target: " + host);
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Latencies latencies = new Latencies(connections);
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int slot = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                HttpClient shared = client(null);
                while (sent.incrementAndGet() <= MAX_REQUESTS) {
                    long start = System.nanoTime();
                    if (start > end) {
                        return;
                    }
                    boolean ok;
                    try {
                        ok = mode.equals("login") ? login(url, args[3], args[4])
                                : shared.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                                        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.discarding())
                                        .statusCode() == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - start;
                    if (start < warmEnd) {
                        continue;
                    }
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                    latencies.add(slot, took);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        latencies.print(name, seconds, failed.get(), mode.equals("login") ? "failed" : "non-200");
    }

    static HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER);
        return (cookies == null ? builder : builder.cookieHandler(cookies)).build();
    }

    /** One sign-in in a fresh cookie jar (a new visitor each round, as a login is). */
    static boolean login(String base, String email, String password) throws Exception {
        HttpClient http = client(new CookieManager());
        String form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            return false;
        }
        String body = "_csrf=" + enc(csrf.group(1)) + "&email=" + enc(email) + "&password=" + enc(password);
        HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            return false;
        }
        // The redirect's target, and where it sends on (the first visit picks the account), up to a page.
        for (int hops = 0; hops < 4; hops++) {
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(base).resolve(location)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (page.statusCode() / 100 != 3) {
                return page.statusCode() == 200;
            }
            location = page.headers().firstValue("Location").orElse("");
        }
        return false;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
