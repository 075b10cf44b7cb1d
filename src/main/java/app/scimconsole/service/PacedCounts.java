package app.scimconsole.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Counts that read every user (the overview's: active, suspended, and who carries each attribute Entra maps), kept
 * per tenant when they are costly, and then counted again only once the time since the last count is {@link #SHARE}
 * times what that count took. A directory whose count takes less than {@link #FREE} is counted afresh at every look
 * (tens of thousands of users); at a million users one count reads every user's document for a second or more, and
 * the console asks for the overview every few seconds: counted at each look, it would keep one of two cores busy and
 * slow Entra's writes beside it. So the counts are at most a few dozen seconds old there, and never cost more than a
 * tenth of one core.
 */
final class PacedCounts {
    /** How many times a count's own time must pass before it is counted again. */
    static final int SHARE = 10;
    /** A count faster than this is never kept: it is cheap enough to be exact at every look. */
    static final Duration FREE = Duration.ofMillis(50);

    private record Kept(List<Long> counts, long countedAt, long took) {
    }

    private final LongSupplier nanoTime;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    PacedCounts(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    PacedCounts() {
        this(System::nanoTime);
    }

    /** The tenant's counts: those kept, if counting again is not due, else {@code count}'s (then kept). */
    List<Long> of(String tenantId, Supplier<List<Long>> count) {
        return of(tenantId, () -> 0, count);
    }

    /**
     * As {@link #of(String, Supplier)}, for a count that may pause meanwhile ({@link OwnerReads}): {@code paused}
     * says afterwards for how many nanoseconds, which are not its cost.
     */
    List<Long> of(String tenantId, LongSupplier paused, Supplier<List<Long>> count) {
        long now = nanoTime.getAsLong();
        Kept last = kept.get(tenantId);
        if (last != null && last.took() >= FREE.toNanos() && now - last.countedAt() < last.took() * SHARE) {
            return last.counts();
        }
        List<Long> counts = List.copyOf(count.get());
        long done = nanoTime.getAsLong();
        kept.put(tenantId, new Kept(counts, done, Math.max(0, done - now - paused.getAsLong())));
        return counts;
    }
}
