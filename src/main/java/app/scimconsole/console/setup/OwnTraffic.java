package app.scimconsole.console.setup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The SCIM requests this console itself sent (its "Test connection"), so that waiting for Entra's first request is
 * not fooled by them: the service records the last use of the token, whoever used it.
 */
public final class OwnTraffic {
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final int KEEP = 20;

    private final Clock clock;
    private final Deque<Instant[]> windows = new ArrayDeque<>();

    public OwnTraffic(Clock clock) {
        this.clock = clock;
    }

    /** Call before sending; run the returned action when the answer came. */
    public synchronized Runnable begin() {
        Instant[] w = {clock.instant().minus(SLACK), null};
        windows.addFirst(w);
        while (windows.size() > KEEP) {
            windows.removeLast();
        }
        return () -> {
            synchronized (this) {
                w[1] = clock.instant().plus(SLACK);
            }
        };
    }

    /** True when a request at {@code t} may have been one of ours. */
    public synchronized boolean explains(Instant t) {
        if (t == null) {
            return false;
        }
        for (Instant[] w : windows) {
            Instant end = w[1] == null ? Instant.MAX : w[1];
            if (!t.isBefore(w[0]) && !t.isAfter(end)) {
                return true;
            }
        }
        return false;
    }
}
