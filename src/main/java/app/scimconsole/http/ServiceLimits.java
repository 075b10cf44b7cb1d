package app.scimconsole.http;

/**
 * How much one tenant, and the service as a whole, may ask of the SCIM listener.
 *
 * <p>{@code ratePerSecond} and {@code rateBurst} size each tenant's token bucket: Entra needs at least 25
 * requests a second per tenant and sends bursts above that, so the defaults leave it four times that much and
 * stop only a runaway client. {@code queueCapacity} bounds the requests that wait for a worker thread; beyond
 * it a request is refused at once with 503 instead of waiting without end.
 */
public record ServiceLimits(double ratePerSecond, int rateBurst, int queueCapacity) {
    public static final double DEFAULT_RATE_PER_SECOND = 100;
    public static final int DEFAULT_RATE_BURST = 200;
    public static final int DEFAULT_QUEUE_CAPACITY = 64;

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
    }

    public static ServiceLimits defaults() {
        return new ServiceLimits(DEFAULT_RATE_PER_SECOND, DEFAULT_RATE_BURST, DEFAULT_QUEUE_CAPACITY);
    }

    public ServiceLimits withRate(double perSecond, int burst) {
        return new ServiceLimits(perSecond, burst, queueCapacity);
    }

    public ServiceLimits withQueueCapacity(int capacity) {
        return new ServiceLimits(ratePerSecond, rateBurst, capacity);
    }
}
