import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenID Connect benchmark's load client (bench/oidc.sh): CONNECTIONS threads in a closed loop for DURATION
 * seconds after WARMUP, then throughput and latency percentiles, like ApiLoad. Loopback only.
 *
 * java bench/OidcLoad.java MODE BASE CLIENT_ID CLIENT_SECRET [EMAIL PASSWORD]
 *   client-credentials  POST /oauth2/token grant_type=client_credentials
 *   authorize           GET /oauth2/authorize (signed in) up to the redirect with a code: the round trip a user waits for
 *   code-exchange       each request: authorize, then the timed POST /oauth2/token with the code and PKCE verifier
 *   refresh             each thread refreshes its own grant again and again (rotation: each answer's token is the next)
 */
public class OidcLoad {

    static final String REDIRECT = "http://127.0.0.1:9/callback";
    static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");
    static final Pattern REFRESH = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = args[1];
        String clientId = args[2];
        String secret = args[3];
        String email = args.length > 4 ? args[4] : null;
        String password = args.length > 5 ? args[5] : null;
        if (!URI.create(base).getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("Only the loopback is a target");
        }
        int connections = Integer.parseInt(System.getenv().getOrDefault("CONNECTIONS", "4"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("DURATION", "20"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "5"));
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        AtomicLong failed = new AtomicLong();
        Latencies latencies = new Latencies(connections);
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int slot = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                try {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    if (email != null) {
                        login(http, base, email, password);
                    }
                    String refreshToken = mode.equals("refresh") ? firstGrant(http, base, clientId, basic) : null;
                    while (true) {
                        long start = System.nanoTime();
                        if (start > end) {
                            return;
                        }
                        boolean ok;
                        long took;
                        switch (mode) {
                            case "client-credentials" -> {
                                ok = token(http, base, basic, "grant_type=client_credentials").statusCode() == 200;
                                took = System.nanoTime() - start;
                            }
                            case "authorize" -> {
                                ok = authorize(http, base, clientId, challenge("v".repeat(43))) != null;
                                took = System.nanoTime() - start;
                            }
                            case "code-exchange" -> {
                                String verifier = verifier();
                                String code = authorize(http, base, clientId, challenge(verifier));
                                start = System.nanoTime();
                                ok = code != null && token(http, base, basic, "grant_type=authorization_code&code=" + code
                                        + "&redirect_uri=" + enc(REDIRECT) + "&code_verifier=" + verifier).statusCode() == 200;
                                took = System.nanoTime() - start;
                            }
                            case "refresh" -> {
                                HttpResponse<String> answer = token(http, base, basic,
                                        "grant_type=refresh_token&refresh_token=" + enc(refreshToken));
                                took = System.nanoTime() - start;
                                Matcher next = REFRESH.matcher(answer.body());
                                ok = answer.statusCode() == 200 && next.find();
                                refreshToken = ok ? next.group(1) : firstGrant(http, base, clientId, basic);
                            }
                            default -> throw new IllegalArgumentException(mode);
                        }
                        if (start < warmEnd) {
                            continue;
                        }
                        if (!ok) {
                            failed.incrementAndGet();
                        }
                        latencies.add(slot, took);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        latencies.print(mode, seconds, failed.get(), "failed");
    }

    static void login(HttpClient http, String base, String email, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String token = csrf.group(1);
        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + enc(email) + "&password=" + enc(password)
                        + "&_csrf=" + enc(token))).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 302) {
            throw new IllegalStateException("Login answered " + status);
        }
    }

    static String authorize(HttpClient http, String base, String clientId, String challenge) throws Exception {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorize?response_type=code"
                + "&client_id=" + clientId + "&redirect_uri=" + enc(REDIRECT) + "&scope=openid%20profile%20email%20account"
                + "&state=s&nonce=n&code_challenge_method=S256&code_challenge=" + challenge)).build(),
                HttpResponse.BodyHandlers.discarding());
        String location = answer.headers().firstValue("Location").orElse("");
        Matcher code = CODE.matcher(location);
        return answer.statusCode() == 302 && location.startsWith(REDIRECT) && code.find() ? code.group(1) : null;
    }

    static String firstGrant(HttpClient http, String base, String clientId, String basic) throws Exception {
        String verifier = verifier();
        String code = authorize(http, base, clientId, challenge(verifier));
        HttpResponse<String> tokens = token(http, base, basic, "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + enc(REDIRECT) + "&code_verifier=" + verifier);
        Matcher refresh = REFRESH.matcher(tokens.body());
        if (!refresh.find()) {
            throw new IllegalStateException("No refresh token: " + tokens.body());
        }
        return refresh.group(1);
    }

    /** The token endpoint's path: Roster's by default; TOKEN_PATH for another provider (bench/keycloak.sh). */
    static final String TOKEN_PATH = System.getenv().getOrDefault("TOKEN_PATH", "/oauth2/token");

    static HttpResponse<String> token(HttpClient http, String base, String basic, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + TOKEN_PATH)).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

