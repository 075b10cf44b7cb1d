package app.scimconsole.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The owner's reads of the directory as the console shows it (a page of users or groups, a group's members, one
 * user's record and history): what the owner waits for as they open a list, search as they type and page. A count of
 * every user (the overview's, seconds of a core at a million users) gives way to them: before each of its parts it
 * waits while such a read is under way or one ended less than {@link #QUIET} ago, for at most {@link #MOST} in all,
 * then counts on whatever comes. On a console's two cores, that count read beside the owner's click on Users and
 * their first keystrokes (the console opened on Setup, which reads the overview at its start) took one core from
 * them for seconds (issue 21).
 */
final class OwnerReads {
    /**
     * How long after the owner's last read a count that gave way goes on: longer than the console takes to build and
     * draw a list it has read (the Users view's first opening: 1-2 s on a loaded machine).
     */
    static final Duration QUIET = Duration.ofSeconds(3);
    /** The most a count waits in all, well inside the minute the console waits for its answer. */
    static final Duration MOST = Duration.ofSeconds(20);
    /** How often a count that waits for a read under way looks again. */
    static final Duration LOOK_AGAIN = Duration.ofMillis(20);

    /** Waits {@code nanos} (the test's clock moves instead). */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final AtomicInteger underWay = new AtomicInteger();
    /** When the last read ended, by {@link #nanoTime}; meaningless until {@link #anyEnded}. */
    private volatile long lastEnded;
    private volatile boolean anyEnded;

    OwnerReads(LongSupplier nanoTime, Sleeper sleeper) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    OwnerReads() {
        this(System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Runs one of the owner's reads, which counts give way to while it runs and for {@link #QUIET} after. */
    <T> T read(Supplier<T> read) {
        underWay.incrementAndGet();
        try {
            return read.get();
        } finally {
            lastEnded = nanoTime.getAsLong();
            anyEnded = true;
            underWay.decrementAndGet();
        }
    }

    /** What one count runs before each of its parts, and how long it waited in all. */
    final class GiveWay implements Runnable {
        private long waited;

        /**
         * Waits until the owner's reads are quiet, for at most {@link #MOST} over the whole count. An interrupted wait
         * ends the waiting (the thread stays interrupted).
         */
        @Override
        public void run() {
            long wait;
            while (waited < MOST.toNanos() && (wait = wanted()) > 0) {
                long step = Math.min(wait, MOST.toNanos() - waited);
                try {
                    sleeper.sleep(step);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                waited += step;
            }
        }

        /** The nanoseconds this count spent waiting, not counting. */
        long waitedNanos() {
            return waited;
        }
    }

    /** A new count's way of giving way to the owner's reads. */
    GiveWay givingWay() {
        return new GiveWay();
    }

    /** How long from now a count should wait before it looks again: 0 when the owner's reads are quiet. */
    private long wanted() {
        if (underWay.get() > 0) {
            return LOOK_AGAIN.toNanos();
        }
        if (!anyEnded) {
            return 0;
        }
        long since = nanoTime.getAsLong() - lastEnded;
        return since >= QUIET.toNanos() ? 0 : QUIET.toNanos() - since;
    }
}
