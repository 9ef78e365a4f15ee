import java.util.Arrays;

/**
 * The load clients' tally (ApiLoad, OidcLoad): each thread's latencies in its own growing array, merged and
 * sorted at the end into one line of throughput and percentiles. Found by the source launcher beside them.
 */
final class Latencies {

    private final long[][] perThread;
    private final int[] counts;

    Latencies(int threads) {
        perThread = new long[threads][1 << 16];
        counts = new int[threads];
    }

    void add(int thread, long nanos) {
        if (counts[thread] == perThread[thread].length) {
            perThread[thread] = Arrays.copyOf(perThread[thread], counts[thread] * 2);
        }
        perThread[thread][counts[thread]++] = nanos;
    }

    void print(String name, int seconds, long failed, String failedLabel) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < perThread.length; t++) {
            System.arraycopy(perThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        System.out.printf("%-34s %7d req  %7.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.1f ms  %s %d%n",
                name, total, total / (double) seconds, ms(all, 0.50), ms(all, 0.90), ms(all, 0.99),
                total == 0 ? 0 : all[total - 1] / 1e6, failedLabel, failed);
    }

    private static double ms(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
