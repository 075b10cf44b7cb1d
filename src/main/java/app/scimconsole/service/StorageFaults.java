package app.scimconsole.service;

import app.scimconsole.directory.StorageException;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's outages (the database unreachable, the disk full…) as a client and the operator see them. A client is
 * told 503 with the reason and to come back ({@link #RETRY_AFTER_SECONDS}): Entra retries such a request, where it
 * counts a 500 as a failure. The operator gets one line per kind of outage a minute, with how many requests were
 * refused since the last one, not a line (or a stack trace) per request; {@link StorageOutages} keeps each outage for
 * the owner.
 */
public final class StorageFaults {
    /** What a refused client is told to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(StorageFaults.class);

    private final Clock clock;
    private final Map<StorageException.Kind, Instant> lastLogged = new EnumMap<>(StorageException.Kind.class);
    private final Map<StorageException.Kind, Integer> unlogged = new EnumMap<>(StorageException.Kind.class);
    private final StorageOutages outages;

    public StorageFaults(Clock clock) {
        this.clock = clock;
        this.outages = new StorageOutages(clock);
    }

    /** The outages of the store: the one under way, and the last that ended. */
    StorageOutages outages() {
        return outages;
    }

    /** The error a client gets for an outage ({@link StorageException#isOutage()}); notes it for the log. */
    public ScimException refusal(StorageException e) {
        note(e);
        return new ScimException(problem(e.kind()));
    }

    static ScimProblem problem(StorageException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> ScimProblem.DATABASE_UNREACHABLE;
            case BUSY -> ScimProblem.SERVICE_BUSY;
            case FULL -> ScimProblem.STORAGE_FULL;
            case READ_ONLY -> ScimProblem.STORAGE_READ_ONLY;
            case IO_ERROR -> ScimProblem.STORAGE_IO_ERROR;
            case FAILED -> ScimProblem.INTERNAL_ERROR;
        };
    }

    /** Logs {@code e} if no outage of its kind was logged in the last minute; else counts it for the next line. */
    void note(StorageException e) {
        Instant now = clock.instant();
        int refused;
        outages.refused(e, now);
        synchronized (this) {
            Instant last = lastLogged.get(e.kind());
            if (last != null && now.isBefore(last.plus(LOG_EVERY))) {
                unlogged.merge(e.kind(), 1, Integer::sum);
                return;
            }
            lastLogged.put(e.kind(), now);
            Integer before = unlogged.remove(e.kind());
            refused = before == null ? 0 : before;
        }
        String where = e.args().size() == 2 ? " in " + e.args().get(0) + " (" + e.args().get(1) + " bytes free)" : "";
        LOG.warn("Storage outage ({}){}: {}{}", e.kind(), where, rootMessage(e),
                refused == 0 ? "" : " (" + refused + " more since the last such line)");
    }

    /** The driver's own words for the operator, one line: the innermost cause's message. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}
