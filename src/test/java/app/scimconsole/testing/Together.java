package app.scimconsole.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Races: tasks that start at the same moment, one per thread, and what each of them returned. */
public final class Together {
    private Together() {
    }

    /** Runs {@code threads} tasks ({@code task.apply(i)}) on {@code pool}, released together; their results in order. */
    public static List<Object> run(ExecutorService pool, int threads, IntFunction<Callable<Object>> task)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Callable<Object> work = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }
}
