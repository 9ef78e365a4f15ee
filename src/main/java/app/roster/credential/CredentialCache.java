package app.roster.credential;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The stored rows of the API's credentials, held on this node for {@link #TIME_TO_LIVE} so that a burst of calls
 * reads a key once rather than once per call. Only the credential's own row is held (secret hash, scopes, expiry,
 * revocation): a personal token's user and membership are still read on every call, so losing a permission or the
 * membership, or being disabled, takes effect on the next one. A revocation empties this node's cache once it
 * commits (the next call here is refused); another node sees it within {@link #TIME_TO_LIVE}. Unknown key ids are
 * not held, so a credential created on another node opens the API at once.
 */
@Component
class CredentialCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(5);

    /** A row as read, and the last use this node recorded for it (so the once-a-minute write stays once a minute). */
    static final class Entry<T> {
        private final T stored;
        private final AtomicReference<Instant> lastUse;

        Entry(T stored, Instant lastUse) {
            this.stored = stored;
            this.lastUse = new AtomicReference<>(lastUse);
        }

        T stored() {
            return stored;
        }

        /** True for the one caller that should write the last use now: none recorded, or older than {@code staleBefore}. */
        boolean claimLastUse(Instant now, Instant staleBefore) {
            Instant seen = lastUse.get();
            return (seen == null || seen.isBefore(staleBefore)) && lastUse.compareAndSet(seen, now);
        }
    }

    private final Cache<String, Entry<?>> entries = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE).maximumSize(10_000).build();

    @SuppressWarnings("unchecked")
    <T> Optional<Entry<T>> get(Credential credential, Function<String, Optional<T>> load,
            Function<T, Instant> lastUsedAt) {
        String key = credential.kind() + ":" + credential.keyId();
        return Optional.ofNullable((Entry<T>) entries.get(key, unused -> load.apply(credential.keyId())
                .map(stored -> new Entry<>(stored, lastUsedAt.apply(stored))).orElse(null)));
    }

    /** Revocations are rare: forgetting everything is simpler than finding the row, and as correct. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(CredentialEvents.ApiKeyRevoked revoked) {
        clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CredentialEvents.TokenRevoked revoked) {
        clear();
    }

    /** What {@link #TIME_TO_LIVE} does to every row at once. */
    void clear() {
        entries.invalidateAll();
    }
}
