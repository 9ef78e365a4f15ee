package app.roster.oidc;

import app.roster.shared.FormTargets;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The origins of every registered redirect URI: where the Client Area's sign-in forms may lead (see
 * {@link FormTargets}). Read at most every {@link #REFRESH}, and at once on this node after a registration.
 */
@Component
class RedirectOrigins implements FormTargets {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Loaded loaded = new Loaded(Set.of(), Instant.MIN);

    private record Loaded(Set<String> origins, Instant at) {
    }

    RedirectOrigins(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<String> origins() {
        Loaded now = loaded;
        if (now.at().plus(REFRESH).isBefore(clock.instant())) {
            now = new Loaded(load(), clock.instant());
            loaded = now;
        }
        return now.origins();
    }

    @EventListener
    void on(OidcEvents.ClientRegistered registered) {
        loaded = new Loaded(Set.of(), Instant.MIN);
    }

    private Set<String> load() {
        Set<String> origins = new TreeSet<>();
        jdbc.sql("SELECT redirect_uris FROM oauth2_registered_client WHERE redirect_uris IS NOT NULL")
                .query(String.class).list()
                .forEach(list -> Arrays.stream(list.split(",")).map(String::strip).filter(uri -> !uri.isEmpty())
                        .map(RedirectOrigins::origin).forEach(origins::add));
        return Set.copyOf(origins);
    }

    /** Registered URIs are absolute http(s) ones ({@link RegisterClient#requireUri}). */
    static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
