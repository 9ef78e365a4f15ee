package app.roster.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Two requests released at the same moment, each on its own thread: a double-click, or two people racing. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Both answers, in the order given. */
    public static <T> List<T> both(Supplier<T> one, Supplier<T> other) {
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<T> first = CompletableFuture.supplyAsync(() -> released(start, one));
        CompletableFuture<T> second = CompletableFuture.supplyAsync(() -> released(start, other));
        start.countDown();
        return List.of(first.orTimeout(60, TimeUnit.SECONDS).join(), second.orTimeout(60, TimeUnit.SECONDS).join());
    }

    private static <T> T released(CountDownLatch start, Supplier<T> request) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return request.get();
    }
}
