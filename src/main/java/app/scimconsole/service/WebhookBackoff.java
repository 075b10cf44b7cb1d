package app.scimconsole.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after {@link #FIRST}, doubling with each failed attempt up to {@link #CAP},
 * each wait drawn at random between its half and its whole (jitter: endpoints that failed together do not all come
 * back at once). Once deliveries have failed for {@link #GIVE_UP_RETRYING} the endpoint is failing: it is then only
 * probed every {@link #FAILING_PROBE}, and its backlog is kept for when it answers again.
 */
public record WebhookBackoff(DoubleSupplier random) {
    public static final Duration FIRST = Duration.ofSeconds(10);
    public static final Duration CAP = Duration.ofHours(1);
    public static final Duration GIVE_UP_RETRYING = Duration.ofDays(3);
    public static final Duration FAILING_PROBE = Duration.ofHours(6);

    public static WebhookBackoff jittered() {
        return new WebhookBackoff(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** Whether an endpoint failing since {@code failingSince} (null: not failing) is failing for good at {@code now}. */
    public static boolean failing(Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(GIVE_UP_RETRYING));
    }

    /** The next attempt after the {@code attempt}th failure (1 = the first), failing since {@code failingSince}. */
    Instant next(int attempt, Instant failingSince, Instant now) {
        Duration whole;
        if (failing(failingSince, now)) {
            whole = FAILING_PROBE;
        } else {
            int doublings = Math.min(Math.max(attempt - 1, 0), 20);
            whole = FIRST.multipliedBy(1L << doublings);
            whole = whole.compareTo(CAP) > 0 ? CAP : whole;
        }
        long millis = whole.toMillis();
        return now.plusMillis(millis / 2 + (long) (random.getAsDouble() * (millis / 2)));
    }
}
