import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook benchmark's receiver (bench/webhooks.sh): listens on 127.0.0.1:RECEIVER_PORT, checks each delivery's
 * Standard Webhooks signature with WEBHOOK_SECRET, answers 204, and records the delay from the event's
 * occurred_at to its arrival. Once EXPECT distinct events arrived, or nothing arrived for IDLE seconds after the
 * first, it prints one line and exits: events, duplicates, bad signatures, events/s between the first and last
 * arrival, and the delay's percentiles.
 *
 * java bench/WebhookReceiver.java NAME
 */
public class WebhookReceiver {

    private static final Pattern OCCURRED_AT = Pattern.compile("\"occurred_at\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int port = Integer.parseInt(System.getenv().getOrDefault("RECEIVER_PORT", "18086"));
        long expect = Long.parseLong(System.getenv().getOrDefault("EXPECT", "0"));
        int idle = Integer.parseInt(System.getenv().getOrDefault("IDLE", "10"));
        String secret = System.getenv("WEBHOOK_SECRET");
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));

        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong badSignatures = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        long[] delays = new long[1 << 20];
        AtomicLong count = new AtomicLong();

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            long arrived = System.currentTimeMillis();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!signed(key, id, timestamp, body, signatures)) {
                badSignatures.incrementAndGet();
            }
            if (id != null && seen.add(id)) {
                Matcher occurred = OCCURRED_AT.matcher(new String(body, StandardCharsets.UTF_8));
                if (occurred.find()) {
                    long at = count.getAndIncrement();
                    if (at < delays.length) {
                        delays[(int) at] = arrived - Instant.parse(occurred.group(1)).toEpochMilli();
                    }
                }
                first.compareAndSet(0, arrived);
                last.set(arrived);
            } else {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.err.println("receiver listening on 127.0.0.1:" + port);

        long started = System.currentTimeMillis();
        while (true) {
            Thread.sleep(200);
            long now = System.currentTimeMillis();
            boolean done = expect > 0 && seen.size() >= expect;
            // Quiet for IDLE seconds after the last arrival, or after the start when nothing arrives at all.
            boolean quiet = now - (first.get() > 0 ? last.get() : started) > idle * 1000L * (first.get() > 0 ? 1 : 6);
            if (done || quiet) {
                break;
            }
        }
        server.stop(0);
        int n = (int) Math.min(count.get(), delays.length);
        long[] sorted = Arrays.copyOf(delays, n);
        Arrays.sort(sorted);
        double span = Math.max(1, last.get() - first.get()) / 1000.0;
        System.out.printf("%-34s %7d events  %7.0f events/s  delay p50 %6d ms  p90 %6d ms  p99 %6d ms  max %6d ms"
                        + "  duplicates %d  bad signatures %d%n", name, seen.size(), seen.size() / span,
                at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), n == 0 ? 0 : sorted[n - 1], duplicates.get(),
                badSignatures.get());
    }

    /** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body"; any of the space-separated v1 values. */
    private static boolean signed(byte[] key, String id, String timestamp, byte[] body, String signatures) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static long at(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
