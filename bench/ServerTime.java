import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's own time for one load of bench/api.sh: the difference of two scrapes of /actuator/prometheus (before
 * and after the load) in the {@code http_server_requests_seconds} histogram of one route, summed over its status
 * and outcome tags. What the load client measures less its own and the loopback's share.
 *
 * java bench/ServerTime.java BEFORE AFTER METHOD URI [APP_TICKS PG_TICKS TICKS_PER_SECOND] — prints requests, p50, p90,
 * p99 as the upper bound of the bucket each falls in (the buckets are Micrometer's percentile histogram, about 10 %
 * apart below 10 ms), and with the CPU time the jar and PostgreSQL used meanwhile, that time per request.
 */
public class ServerTime {

    private static final Pattern BUCKET = Pattern.compile("^http_server_requests_seconds_bucket\\{(.*)\\} ([0-9.eE+-]+)$");

    public static void main(String[] args) throws Exception {
        Map<Double, Double> before = buckets(Path.of(args[0]), args[2], args[3]);
        Map<Double, Double> after = buckets(Path.of(args[1]), args[2], args[3]);
        TreeMap<Double, Double> counts = new TreeMap<>();
        after.forEach((le, n) -> counts.put(le, n - before.getOrDefault(le, 0.0)));
        double total = counts.isEmpty() ? 0 : counts.lastEntry().getValue();
        if (total <= 0) {
            System.out.println("  server: no requests of " + args[2] + " " + args[3] + " in the histogram");
            return;
        }
        String cpu = "";
        if (args.length >= 7) {
            double perTick = 1000.0 / Double.parseDouble(args[6]);
            cpu = String.format("  CPU per request: jar %.2f ms, PostgreSQL %.2f ms",
                    Long.parseLong(args[4]) * perTick / total, Long.parseLong(args[5]) * perTick / total);
        }
        System.out.printf("  server (%s %s): %.0f req  p50 ≤ %s  p90 ≤ %s  p99 ≤ %s%s%n", args[2], args[3], total,
                quantile(counts, total, 0.50), quantile(counts, total, 0.90), quantile(counts, total, 0.99), cpu);
    }

    private static String quantile(TreeMap<Double, Double> counts, double total, double q) {
        for (Map.Entry<Double, Double> bucket : counts.entrySet()) {
            if (bucket.getValue() >= q * total) {
                return bucket.getKey().isInfinite() ? "+Inf" : String.format("%.2f ms", bucket.getKey() * 1000);
            }
        }
        return "+Inf";
    }

    /** Cumulative counts per upper bound (le) of the route's series, summed over its other tags. */
    private static Map<Double, Double> buckets(Path scrape, String method, String uri) throws Exception {
        Map<Double, Double> sums = new TreeMap<>();
        for (String line : Files.readAllLines(scrape)) {
            Matcher m = BUCKET.matcher(line);
            if (m.matches() && m.group(1).contains("method=\"" + method + "\"")
                    && m.group(1).contains("uri=\"" + uri + "\"")) {
                Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(m.group(1));
                if (le.find()) {
                    double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    sums.merge(bound, Double.parseDouble(m.group(2)), Double::sum);
                }
            }
        }
        return sums;
    }
}
