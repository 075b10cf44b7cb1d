package app.scimconsole.http;

import app.scimconsole.scim.ScimProblem;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts requests being answered so that shutdown can wait for them. The JDK 17 server's own
 * {@code stop(delay)} always waits the whole delay, and {@code stop(0)} cuts requests off mid-answer; so
 * the server drains here first: once draining, new requests get 503 with {@code Retry-After} (Entra retries),
 * and shutdown waits only as long as answers are still being written.
 */
final class InFlightRequests extends Filter {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int active;
    private boolean draining;

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        lock.lock();
        boolean refuse = draining;
        if (!refuse) {
            active++;
        }
        lock.unlock();
        if (refuse) {
            Refusal.serviceUnavailable(exchange, 5, ScimProblem.SERVICE_RESTARTING);
            return;
        }
        try {
            chain.doFilter(exchange);
        } finally {
            lock.lock();
            try {
                if (--active == 0) {
                    idle.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Refuses new requests from now on and waits, at most {@code grace}, for those under way. */
    void drain(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            draining = true;
            while (active > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !idle.await(left, TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String description() {
        return "counts requests in flight for graceful shutdown";
    }
}
