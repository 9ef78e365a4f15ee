package app.roster.support;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Two requests released at the same moment, each on its own thread: a double-click, or two people racing. Each runs
 * on a thread of its own, and neither starts before both threads are there: the common pool has a single worker on
 * a 2-core machine, where it would run the second only after the first.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** Both answers, in the order given. */
    public static <T> List<T> both(Supplier<T> one, Supplier<T> other) {
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<T> first = threads.submit(() -> released(start, one));
            Future<T> second = threads.submit(() -> released(start, other));
            return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Not both answered within 60 s", e);
        }
    }

    private static <T> T released(CyclicBarrier start, Supplier<T> request)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        start.await(30, TimeUnit.SECONDS);
        return request.get();
    }
}
