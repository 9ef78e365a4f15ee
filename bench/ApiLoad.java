import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop load client for bench/api.sh: CONNECTIONS threads each send one request, wait for the answer,
 * and send the next, for DURATION seconds after a warm-up; then it prints throughput and latency percentiles. Bounded in
 * time and in count (MAX_REQUESTS), and it refuses any host but the loopback.
 *
 * java bench/ApiLoad.java NAME METHOD URL [BODY] — URL and BODY may hold {n}, replaced per request by a random
 * number from N_FROM to N_TO; BODY may hold {seq}, the request's number, unique in the run. The credential comes from
 * ROSTER_API_KEY.
 */
public class ApiLoad {

    static final int MAX_REQUESTS = 5_000_000;

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String method = args[1];
        String url = args[2];
        String body = args.length > 3 ? args[3] : null;
        int connections = Integer.parseInt(System.getenv().getOrDefault("CONNECTIONS", "4"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("DURATION", "20"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "5"));
        long from = Long.parseLong(System.getenv().getOrDefault("N_FROM", "1"));
        long to = Long.parseLong(System.getenv().getOrDefault("N_TO", "1"));
        String credential = System.getenv("ROSTER_API_KEY");
        String host = URI.create(url.replace("{n}", "1")).getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("Only the loopback is a target: " + host);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Latencies latencies = new Latencies(connections);
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[connections];
        for (int t = 0; t < connections; t++) {
            int slot = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long seq;
                while ((seq = sent.incrementAndGet()) <= MAX_REQUESTS) {
                    long n = from + random.nextLong(to - from + 1);
                    String b = body == null ? null
                            : body.replace("{n}", Long.toString(n)).replace("{seq}", Long.toString(seq));
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("{n}", Long.toString(n))))
                            .timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                            .header("Authorization", "Bearer " + credential)
                            .method(method, b == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(b));
                    if (b != null) {
                        request.header("Content-Type", "application/json");
                    }
                    long start = System.nanoTime();
                    if (start > end) {
                        return;
                    }
                    int status;
                    try {
                        status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long took = System.nanoTime() - start;
                    if (start < warmEnd) {
                        continue;
                    }
                    if (status < 200 || status > 299) {
                        failed.incrementAndGet();
                    }
                    latencies.add(slot, took);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        latencies.print(name, seconds, failed.get(), "non-2xx");
    }
}
