package app.scimconsole.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of one listener, with a bounded queue. A request that finds the queue full is not
 * dropped silently and does not wait: it goes to a small pool of shedding threads, whose only job is to read
 * the request line and answer 503 with {@code Retry-After} ({@link LoadShedding}). When even those are
 * saturated the request is rejected and the JDK server closes its connection.
 */
final class WorkerPool implements Executor, AutoCloseable {
    private static final int SHEDDING_THREADS = 2;
    private static final int SHEDDING_QUEUE = 256;

    /** A thread that answers only "busy"; {@link LoadShedding} recognises it. */
    static final class SheddingThread extends Thread {
        SheddingThread(Runnable r, String name) {
            super(r, name);
            setDaemon(true);
        }
    }

    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor shedding;

    WorkerPool(String name, int threads, int queueCapacity) {
        AtomicInteger n = new AtomicInteger();
        AtomicInteger s = new AtomicInteger();
        this.shedding = new ThreadPoolExecutor(SHEDDING_THREADS, SHEDDING_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(SHEDDING_QUEUE), r -> new SheddingThread(r, name + "-busy-" + s.incrementAndGet()),
                new ThreadPoolExecutor.AbortPolicy());
        this.workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (task, pool) -> shedding.execute(task));
    }

    @Override
    public void execute(Runnable task) {
        workers.execute(task);
    }

    @Override
    public void close() {
        workers.shutdown();
        shedding.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            shedding.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
