package app.scimconsole.http;

import java.time.Duration;

/**
 * How much one tenant, and the service as a whole, may ask of the SCIM listener.
 *
 * <p>{@code ratePerSecond} and {@code rateBurst} size each tenant's token bucket: Entra needs at least 25
 * requests a second per tenant and sends bursts above that, so the defaults leave it four times that much and
 * stop only a runaway client. {@code queueCapacity} bounds the requests that wait for a place to be answered;
 * beyond it a request is refused at once with 503 instead of waiting without end. A connection on which nothing
 * arrives or leaves for {@code idleTimeout} is closed, and so is one whose request body arrives slower than
 * {@code minBodyBytesPerSecond}: a client that stalls holds a connection for that long, never a thread.
 * {@code bodyBudget} bounds the request bodies held in memory at once (the process's own, shared with the admin
 * listener, unless a test sizes one of its own).
 */
public record ServiceLimits(double ratePerSecond, int rateBurst, int queueCapacity, Duration idleTimeout,
        long minBodyBytesPerSecond, BodyBudget bodyBudget) {
    public static final double DEFAULT_RATE_PER_SECOND = 100;
    public static final int DEFAULT_RATE_BURST = 200;
    public static final int DEFAULT_QUEUE_CAPACITY = 64;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** Far below any real link (a 1 MiB body at this rate takes 17 minutes), far above a trickling attacker. */
    public static final long DEFAULT_MIN_BODY_BYTES_PER_SECOND = 1024;

    public ServiceLimits {
        if (ratePerSecond <= 0 || Double.isNaN(ratePerSecond) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("The rate limit must be a positive number of requests per second.");
        }
        if (rateBurst < 1) {
            throw new IllegalArgumentException("The rate-limit burst must be at least 1 request.");
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("The request queue must hold at least 1 request.");
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive.");
        }
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("The minimum data rate cannot be negative.");
        }
        if (bodyBudget == null) {
            bodyBudget = BodyBudget.PROCESS;
        }
    }

    public static ServiceLimits defaults() {
        return new ServiceLimits(DEFAULT_RATE_PER_SECOND, DEFAULT_RATE_BURST, DEFAULT_QUEUE_CAPACITY,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_MIN_BODY_BYTES_PER_SECOND, BodyBudget.PROCESS);
    }

    public ServiceLimits withRate(double perSecond, int burst) {
        return new ServiceLimits(perSecond, burst, queueCapacity, idleTimeout, minBodyBytesPerSecond, bodyBudget);
    }

    public ServiceLimits withQueueCapacity(int capacity) {
        return new ServiceLimits(ratePerSecond, rateBurst, capacity, idleTimeout, minBodyBytesPerSecond, bodyBudget);
    }

    /** {@code bytesPerSecond} 0 checks no rate: only the idle timeout closes a stalled body. */
    public ServiceLimits withSlowClientLimits(Duration idle, long bytesPerSecond) {
        return new ServiceLimits(ratePerSecond, rateBurst, queueCapacity, idle, bytesPerSecond, bodyBudget);
    }

    public ServiceLimits withBodyBudget(BodyBudget budget) {
        return new ServiceLimits(ratePerSecond, rateBurst, queueCapacity, idleTimeout, minBodyBytesPerSecond, budget);
    }
}
