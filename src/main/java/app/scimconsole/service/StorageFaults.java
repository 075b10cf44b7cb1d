package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.StorageException;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's outages (the database unreachable, the disk full…) as a client and the operator see them. A client is
 * told 503 with the reason and to come back ({@link #RETRY_AFTER_SECONDS}): Entra retries such a request, where it
 * counts a 500 as a failure. The operator gets one line per kind of outage a minute, with how many requests were
 * refused since the last one, not a line (or a stack trace) per request. The owner's activity log gets the outage's
 * start and end, once it has ended (nothing can be written to the store while it lasts), not a line per request.
 */
public final class StorageFaults {
    /** What a refused client is told to wait before it tries again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    static final Duration LOG_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(StorageFaults.class);

    /**
     * An outage of the store as the activity log records it: its kind, when the first request was refused for it and
     * when the store served again, and how many requests were refused meanwhile.
     */
    public record Outage(StorageException.Kind kind, Instant started, Instant ended, int refused) {
    }

    private final Clock clock;
    private final Map<StorageException.Kind, Instant> lastLogged = new EnumMap<>(StorageException.Kind.class);
    private final Map<StorageException.Kind, Integer> unlogged = new EnumMap<>(StorageException.Kind.class);
    /** The outage under way (null: none): its kind, since when, how many refused. */
    private StorageException.Kind openKind;
    private Instant openSince;
    private int openRefused;
    private List<String> openArgs = List.of();
    /** The last outage that ended, and the tenants whose activity log has it already. */
    private Outage lastEnded;
    private final Set<String> told = new HashSet<>();

    public StorageFaults(Clock clock) {
        this.clock = clock;
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
        synchronized (this) {
            if (e.kind() != StorageException.Kind.BUSY) { // a busy pool is load, not an outage
                if (openSince == null) {
                    openKind = e.kind();
                    openSince = now;
                    openRefused = 0;
                }
                openRefused++;
                openArgs = e.args(); // the latest: the free space as it is now
            }
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

    /**
     * The store served a request of {@code tenantId} ({@code wrote}: and committed a write for it). That ends an
     * outage under way: any once the database answers again, but a full or unwritable disk only once a write
     * succeeded, since reads go on while it lasts. Returns the last outage that ended if this tenant's activity log
     * does not have it yet, each tenant being told once, on its first request the store served after it.
     */
    synchronized Optional<Outage> served(String tenantId, boolean wrote) {
        if (openSince != null && (wrote || openKind == StorageException.Kind.UNREACHABLE)) {
            lastEnded = new Outage(openKind, openSince, clock.instant(), openRefused);
            openSince = null;
            told.clear();
        }
        return lastEnded != null && told.add(tenantId) ? Optional.of(lastEnded) : Optional.empty();
    }

    /**
     * The outage under way as the owner is told it ({@code storage.<KIND>}, with the data folder and the bytes free
     * there for a disk's fault), or null: a full disk stays an outage until a write succeeds, while reads go on.
     */
    public synchronized Reason current() {
        return openSince == null ? null : new Reason("storage." + openKind.name(), openArgs);
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
