package app.scimconsole.service;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code perSecond}; each
 * request takes one. Time is passed in (nanoseconds) so that tests need no sleeping.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;

    TokenBucket(int capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.last = now;
    }

    /** The nanoseconds until a token is there (0: one is there now), taking nothing. */
    synchronized long nanosUntilToken(long now) {
        double available = Math.min(capacity, tokens + Math.max(0, now - last) * perNano);
        return available >= 1 ? 0 : (long) Math.ceil((1 - available) / perNano);
    }

    /** Takes a token if there is one and returns 0; otherwise takes nothing and returns the nanoseconds until one. */
    synchronized long tryTake(long now) {
        long elapsed = now - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }
}
