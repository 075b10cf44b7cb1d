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

    public TenantRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** 0 when the request may go ahead; otherwise the whole seconds (at least 1) to wait before the next one. */
    public long secondsToWait(String tenantId) {
        long now = nanoTime.getAsLong();
        long waitNanos = buckets.computeIfAbsent(tenantId, id -> new TokenBucket(burst, perSecond, now)).tryTake(now);
        if (waitNanos == 0) {
            return 0;
        }
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }
}
