package app.scimconsole.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per tenant. Only tenants that exist get a bucket (callers ask after the tenant is known, or, as
 * {@link RefusalLog} does, ask for all unknown ids under one key), so the map cannot be grown by requests for
 * made-up tenant ids.
 */
public final class TenantRateLimiter {
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final int maxKeys;

    public TenantRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this(perSecond, burst, nanoTime, Integer.MAX_VALUE);
    }

    /**
     * For keys that anyone can make up (client addresses, client ids): past {@code maxKeys} buckets all are
     * forgotten and start full again, so the map stays bounded at the cost of an occasional fresh burst.
     */
    TenantRateLimiter(double perSecond, int burst, LongSupplier nanoTime, int maxKeys) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.maxKeys = maxKeys;
    }

    /** 0 when the request may go ahead; otherwise the whole seconds (at least 1) to wait before the next one. */
    public long secondsToWait(String tenantId) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(tenantId)) {
            buckets.clear();
        }
        long waitNanos = buckets.computeIfAbsent(tenantId, id -> new TokenBucket(burst, perSecond, now)).tryTake(now);
        if (waitNanos == 0) {
            return 0;
        }
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}
