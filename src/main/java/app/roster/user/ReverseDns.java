package app.roster.user;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rule 9: the login IP's hostname, resolved on a virtual thread after the login has answered, with a
 * short timeout. The hostname is display data only, never used for a decision.
 */
@Component
class ReverseDns {

    private static final Logger log = LoggerFactory.getLogger(ReverseDns.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Users users;
    private final Duration timeout;

    ReverseDns(Users users, @Value("${roster.reverse-dns-timeout:2s}") Duration timeout) {
        this.users = users;
        this.timeout = timeout;
    }

    void resolveLater(long userId, String ip) {
        CompletableFuture.supplyAsync(() -> lookup(ip), executor)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenAccept(hostname -> {
                    if (hostname != null && !hostname.equals(ip)) {
                        users.recordLoginHostname(userId, ip, hostname.substring(0, Math.min(hostname.length(), 255)));
                    }
                })
                .exceptionally(failure -> {
                    log.debug("No hostname for a login IP: {}", failure.toString());
                    return null;
                });
    }

    private static String lookup(String ip) {
        try {
            return InetAddress.getByName(ip).getCanonicalHostName();
        } catch (Exception e) {
            return null;
        }
    }
}
