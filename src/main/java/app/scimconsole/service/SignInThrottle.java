package app.scimconsole.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed admin sign-ins, per client address: a few at once (a mistyped credential), then one every two seconds.
 * Once an address is over its budget, what it presents is not even looked at until the wait is over, so nobody can
 * try credentials from one address faster than that. The most recently failing addresses are remembered, a bounded
 * number, so made-up addresses cannot grow the table without end.
 */
public final class SignInThrottle {
    static final int BURST = 10;
    static final double PER_SECOND = 0.5;
    private static final int ADDRESSES = 10_000;

    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> failures = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                    return size() > ADDRESSES;
                }
            });

    public SignInThrottle(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** 0 when {@code address} may try; otherwise the whole seconds (at least 1) until it may. */
    public long secondsToWait(String address) {
        TokenBucket bucket = failures.get(address);
        if (bucket == null) {
            return 0;
        }
        long nanos = bucket.nanosUntilToken(nanoTime.getAsLong());
        return nanos == 0 ? 0 : Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** {@code address} presented a credential that is not valid. */
    public void failed(String address) {
        long now = nanoTime.getAsLong();
        failures.computeIfAbsent(address, a -> new TokenBucket(BURST, PER_SECOND, now)).tryTake(now);
    }
}
