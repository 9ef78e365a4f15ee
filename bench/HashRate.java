import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The raw Argon2id rate at Roster's parameters (UserSecurityConfiguration: salt 16, hash 32, parallelism 1,
 * 19 MiB, 2 iterations): CONNECTIONS threads call matches() for DURATION seconds after WARMUP seconds. Run by
 * bench/listing.sh with the jar's own spring-security-crypto and Bouncy Castle on the class path.
 */
public class HashRate {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(System.getenv().getOrDefault("CONNECTIONS", "4"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("DURATION", "20"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "5"));
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
        String hash = encoder.encode("violet kettle orbit 9182");
        AtomicLong done = new AtomicLong();
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = Thread.ofPlatform().start(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    if (!encoder.matches("violet kettle orbit 9182", hash)) {
                        throw new IllegalStateException("no match");
                    }
                    if (now >= warmEnd) {
                        done.incrementAndGet();
                    }
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("%-34s %7d hashes  %7.1f /s%n", "raw Argon2id matches (" + threads + " threads)",
                done.get(), done.get() / (double) seconds);
    }
}
