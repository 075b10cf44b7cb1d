package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.StorageException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The store's outages as the owner sees them: the one under way (for the console's overview), and the last that
 * ended, which each tenant's activity log gets as its start and end once it is over (nothing can be written to the
 * store while it lasts), not as a line per refused request.
 */
final class StorageOutages {
    /**
     * An outage of the store as the activity log records it: its kind, when the first request was refused for it and
     * when the store served again, and how many requests were refused meanwhile.
     */
    record Outage(StorageException.Kind kind, Instant started, Instant ended, int refused) {
    }

    private final Clock clock;
    /** The outage under way (null: none): its kind, since when, how many refused, what it names. */
    private StorageException.Kind openKind;
    private Instant openSince;
    private int openRefused;
    private List<String> openArgs = List.of();
    /** The last outage that ended, and the tenants whose activity log has it already. */
    private Outage lastEnded;
    private final Set<String> told = new HashSet<>();

    StorageOutages(Clock clock) {
        this.clock = clock;
    }

    /** A request was refused at {@code now} for {@code e}: it opens an outage, or counts in the one under way. */
    synchronized void refused(StorageException e, Instant now) {
        if (e.kind() == StorageException.Kind.BUSY) {
            return; // a busy pool is load, not an outage
        }
        if (openSince == null) {
            openKind = e.kind();
            openSince = now;
            openRefused = 0;
        }
        openRefused++;
        openArgs = e.args(); // the latest: the free space as it is now
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
    synchronized Reason current() {
        return openSince == null ? null : new Reason("storage." + openKind.name(), openArgs);
    }
}
