package app.scimconsole.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of request bodies the process holds in memory at once, across its listeners. Each body is read
 * whole before its request goes on ({@link WholeBody}), up to the 1 MiB limit, and a thousand connections may each
 * be sending one: without a budget that is a gibibyte of heap for anyone who opens enough connections. A body that
 * finds the budget spent is refused with 503 (try again), not buffered.
 */
public final class BodyBudget {
    /**
     * Room for 64 bodies of the largest size at once. Entra's bodies are a few KiB and at most 16 requests are
     * answered while 64 wait, so its traffic never comes near it; and it is a small share of the heap the service
     * runs in (100,000 users fit in 256 MiB).
     */
    public static final long DEFAULT_BYTES = 64L << 20;
    /** The one budget of this process, shared by the SCIM and admin listeners. */
    public static final BodyBudget PROCESS = new BodyBudget(DEFAULT_BYTES);

    private final AtomicLong free;

    private BodyBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The budget of buffered request bodies must be at least 1 byte.");
        }
        this.free = new AtomicLong(capacity);
    }

    /** A budget of its own, for a listener that must not share the process's (a test of the budget itself). */
    public static BodyBudget of(long bytes) {
        return new BodyBudget(bytes);
    }

    /** Bytes not held by any body now. */
    long available() {
        return free.get();
    }

    /** A new, empty hold on this budget, for one body. */
    Hold hold() {
        return new Hold();
    }

    /** The bytes one body holds; given back whole, once, however its request ends. */
    final class Hold {
        private final AtomicLong held = new AtomicLong();

        /** Takes {@code bytes} more, or nothing and false when the budget does not have them. */
        boolean take(long bytes) {
            long left;
            do {
                left = free.get();
                if (left < bytes) {
                    return false;
                }
            } while (!free.compareAndSet(left, left - bytes));
            held.addAndGet(bytes);
            return true;
        }

        /** Gives back everything held so far; a second call gives back only what was taken since. */
        void release() {
            free.addAndGet(held.getAndSet(0));
        }
    }
}
