package app.scimconsole.service;

import app.scimconsole.domains.DomainRecord;
import app.scimconsole.domains.DomainService;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the domains' automatic re-checks in the background: pending domains with backoff for 72 hours, verified
 * ones daily (the schedule itself is {@code RecheckPolicy}'s). One thread; a failure waits for the next round.
 */
public final class DomainRechecker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DomainRechecker.class);

    private final ScheduledExecutorService timer;

    private DomainRechecker(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static DomainRechecker start(DomainService domains, Clock clock, Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "domain-recheck");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> runDue(domains, clock), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new DomainRechecker(timer);
    }

    public static void runDue(DomainService domains, Clock clock) {
        try {
            for (DomainRecord due : domains.claimDueRechecks(clock.instant())) {
                DomainRecord after = domains.recheck(due);
                LOG.info("Re-checked {}: {}", after.domain().ascii(), after.status());
            }
        } catch (RuntimeException e) {
            LOG.warn("Automatic domain re-check failed; trying again next round: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
