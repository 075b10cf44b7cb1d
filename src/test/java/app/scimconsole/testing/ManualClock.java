package app.scimconsole.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only the test moves, safe to read from the threads of the code under test. Either it stands at a
 * chosen instant ({@link #ManualClock(Instant)}) or it runs with the real time plus what the test added
 * ({@link #shiftedFromNow()}), for what another process stamps with the real time.
 */
public final class ManualClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Stands at {@code start} until the test moves it. */
    public ManualClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    private ManualClock(Clock base) {
        this.base = base;
    }

    /** The real time, moved forward by each {@link #advance}. */
    public static ManualClock shiftedFromNow() {
        return new ManualClock(Clock.systemUTC());
    }

    public void set(Instant t) {
        offset.set(Duration.between(base.instant(), t));
    }

    public void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
