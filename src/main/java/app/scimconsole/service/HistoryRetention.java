package app.scimconsole.service;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long attribute history is kept, per tenant as its owner set it ({@value #DEFAULT_DAYS} days until then), and
 * the background purge of what is older. The history holds personal data (old values of people's attributes): it
 * must not outlive what the owner chose. The activity entries themselves stay; only their history goes.
 */
public final class HistoryRetention implements AutoCloseable {
    public static final int DEFAULT_DAYS = 90;
    public static final int MIN_DAYS = AdminApi.HistorySettings.MIN_DAYS;
    public static final int MAX_DAYS = AdminApi.HistorySettings.MAX_DAYS;
    /** The reason a retention outside the range is refused; args: the days asked, the least, the most. */
    public static final String OUT_OF_RANGE = "history.retention.outOfRange";
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRetention.class);

    private final Directory directory;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public HistoryRetention(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public int days(String tenantId) {
        return directory.historyRetentionDays(tenantId).orElse(DEFAULT_DAYS);
    }

    /** Sets the tenant's retention; what is now older than it goes at the next purge. */
    public void setDays(String tenantId, int days) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new AdminException(400, "History retention must be between " + MIN_DAYS + " and " + MAX_DAYS
                    + " days.", Reason.of(OUT_OF_RANGE, days, MIN_DAYS, MAX_DAYS));
        }
        directory.setHistoryRetentionDays(tenantId, days);
    }

    /** Removes every tenant's history older than its retention; returns how many entries lost theirs. */
    public int purge() {
        Instant now = clock.instant();
        int purged = 0;
        for (String tenantId : directory.historyTenants()) {
            purged += directory.purgeHistory(tenantId, now.minus(Duration.ofDays(days(tenantId))));
        }
        return purged;
    }

    /** Purges now and then every {@code every}, on a thread of its own, until closed. */
    public synchronized void start(Duration every) {
        if (timer != null) {
            return;
        }
        timer = Periodic.start("history-purge", every, this::purgeLogged);
    }

    private void purgeLogged() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.info("Purged the attribute history of {} activity entries past their retention", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("Purging the attribute history failed; trying again next round: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
