package app.scimconsole.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entra's traffic per tenant, as provisioning cycles: Entra works in bursts (a cycle about every 40 minutes, or on
 * demand), so requests separated by a long quiet gap belong to different cycles. Kept in memory: after a
 * restart the history starts again; what came before is {@linkplain #replay replayed} from the activity log.
 */
public final class TrafficTracker {
    /** A quiet gap this long ends a cycle: well above the pauses inside one, well below the 40 minutes between two. */
    static final Duration CYCLE_GAP = Duration.ofMinutes(10);
    /** Entra's documented interval between incremental cycles. */
    static final Duration CYCLE_INTERVAL = Duration.ofMinutes(40);
    private static final int CYCLES_KEPT = 48;

    /** One burst of Entra's requests. */
    public record Cycle(Instant start, Instant end, long requests, long rejected) {
        /** When the cycle after this one should start. */
        public Instant nextExpected() {
            return start.plus(CYCLE_INTERVAL);
        }
    }

    /** One request as the activity log remembers it. */
    public record Logged(Instant at, boolean rejected) {
    }

    /** The cycles that {@code oldestFirst} make, newest first, grouped as live requests are. */
    public static List<Cycle> replay(List<Logged> oldestFirst) {
        TrafficTracker t = new TrafficTracker();
        oldestFirst.forEach(r -> t.record("", r.at(), r.rejected()));
        return t.cycles("");
    }

    private final Map<String, Deque<Cycle>> cycles = new ConcurrentHashMap<>();

    /** Counts one authenticated request of Entra's. */
    public void record(String tenantId, Instant at, boolean rejected) {
        Deque<Cycle> list = cycles.computeIfAbsent(tenantId, t -> new ArrayDeque<>());
        synchronized (list) {
            Cycle last = list.peekLast();
            if (last != null && !at.isAfter(last.end().plus(CYCLE_GAP))) {
                list.pollLast();
                Instant end = at.isAfter(last.end()) ? at : last.end();
                list.addLast(new Cycle(last.start(), end, last.requests() + 1, last.rejected() + (rejected ? 1 : 0)));
            } else {
                list.addLast(new Cycle(at, at, 1, rejected ? 1 : 0));
                while (list.size() > CYCLES_KEPT) {
                    list.pollFirst();
                }
            }
        }
    }

    /** Counts the last recorded request of the tenant as rejected (its answer was an error). */
    public void rejected(String tenantId) {
        Deque<Cycle> list = cycles.get(tenantId);
        if (list == null) {
            return;
        }
        synchronized (list) {
            Cycle last = list.pollLast();
            if (last != null) {
                list.addLast(new Cycle(last.start(), last.end(), last.requests(), last.rejected() + 1));
            }
        }
    }

    /** The tenant's recent cycles, newest first. */
    public List<Cycle> cycles(String tenantId) {
        Deque<Cycle> list = cycles.get(tenantId);
        if (list == null) {
            return List.of();
        }
        List<Cycle> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        Collections.reverse(copy);
        return copy;
    }

    /** When Entra's next cycle should start: the last cycle's start plus the usual interval; null before any. */
    public Instant nextExpected(String tenantId) {
        List<Cycle> recent = cycles(tenantId);
        return recent.isEmpty() ? null : recent.get(0).nextExpected();
    }

    public Instant lastRequest(String tenantId) {
        List<Cycle> recent = cycles(tenantId);
        return recent.isEmpty() ? null : recent.get(0).end();
    }
}
