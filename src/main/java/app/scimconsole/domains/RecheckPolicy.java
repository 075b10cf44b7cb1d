package app.scimconsole.domains;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When to check a domain again, and what its standing becomes after a check. Pure: no clock, no I/O.
 *
 * <ul>
 *   <li>Pending (also MISMATCH, ERROR): re-checked after 1, 2, 5, 10 and 30 minutes, then hourly, for 72 hours
 *       from registration; then EXPIRED with no more automatic checks. Checking by hand after that opens a new
 *       72-hour window (the way to restart).</li>
 *   <li>Verified: re-checked daily. When the record is missing, the domain stays verified for a grace period of
 *       {@link #GRACE} (re-checked hourly, with {@code lostSince} set so the console can show it), then becomes
 *       LOST and stops counting as verified. A grace period keeps an accidental DNS edit from locking people out at
 *       once. A DNS failure (ERROR) is not evidence the record is gone and does not start the grace period.</li>
 * </ul>
 */
public final class RecheckPolicy {
    public static final Duration PENDING_WINDOW = Duration.ofHours(72);
    public static final List<Duration> PENDING_BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1));
    public static final Duration VERIFIED_INTERVAL = Duration.ofDays(1);
    public static final Duration TROUBLE_INTERVAL = Duration.ofHours(1);
    public static final Duration GRACE = Duration.ofHours(72);

    /** The state of a freshly registered domain. */
    public DomainState registered(Instant now) {
        return new DomainState(DomainStatus.PENDING, now, null, null, now.plus(PENDING_BACKOFF.get(0)), 0);
    }

    public boolean isDue(DomainState state, Instant now) {
        return state.nextCheck() != null && !now.isBefore(state.nextCheck());
    }

    /** The state after a check at {@code now} with the given outcome. */
    public DomainState afterCheck(DomainState current, VerificationStatus outcome, Instant now) {
        if (outcome == VerificationStatus.VERIFIED) {
            Instant since = current.status() == DomainStatus.VERIFIED && current.verifiedAt() != null
                    ? current.verifiedAt() : now;
            return new DomainState(DomainStatus.VERIFIED, current.windowStart(), since, null,
                    now.plus(VERIFIED_INTERVAL), 0);
        }
        return switch (current.status()) {
            case VERIFIED -> afterFailedCheckOfVerified(current, outcome, now);
            case LOST -> new DomainState(DomainStatus.LOST, current.windowStart(), current.verifiedAt(),
                    current.lostSince(), now.plus(VERIFIED_INTERVAL), current.attempts() + 1);
            case EXPIRED -> pending(now, 0, outcome, now);
            case PENDING, MISMATCH, ERROR -> pending(current.windowStart(), current.attempts(), outcome, now);
        };
    }

    private static DomainState afterFailedCheckOfVerified(DomainState current, VerificationStatus outcome,
            Instant now) {
        Instant lostSince = current.lostSince() != null ? current.lostSince()
                : outcome == VerificationStatus.ERROR ? null : now;
        int attempts = current.attempts() + 1;
        if (lostSince != null && !now.isBefore(lostSince.plus(GRACE))) {
            return new DomainState(DomainStatus.LOST, current.windowStart(), current.verifiedAt(), lostSince,
                    now.plus(VERIFIED_INTERVAL), attempts);
        }
        return new DomainState(DomainStatus.VERIFIED, current.windowStart(), current.verifiedAt(), lostSince,
                now.plus(TROUBLE_INTERVAL), attempts);
    }

    private static DomainState pending(Instant windowStart, int previousAttempts, VerificationStatus outcome,
            Instant now) {
        int attempts = previousAttempts + 1;
        Instant windowEnd = windowStart.plus(PENDING_WINDOW);
        if (!now.isBefore(windowEnd)) {
            return new DomainState(DomainStatus.EXPIRED, windowStart, null, null, null, attempts);
        }
        Duration wait = PENDING_BACKOFF.get(Math.min(attempts, PENDING_BACKOFF.size() - 1));
        Instant next = now.plus(wait).isAfter(windowEnd) ? windowEnd : now.plus(wait);
        return new DomainState(DomainStatus.of(outcome), windowStart, null, null, next, attempts);
    }
}
