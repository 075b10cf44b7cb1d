package app.scimconsole.service;

import app.scimconsole.admin.Reason;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.directory.Directory;
import app.scimconsole.directory.StorageException;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.StorableText;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioning log: an entry for every SCIM write (stored with the write itself) and every refusal, each with
 * its reason as a code and arguments, from which the console and the CLI make sentences in their reader's language.
 */
public final class ActivityRecorder {
    static final String SUCCESS = "success";
    static final String REJECTED = "rejected";
    /** The operation and resource of an outage's entries: the service itself, not a request of Entra's. */
    static final String OUTAGE = "OUTAGE";
    static final String SERVICE = "Service";
    private static final int MAX_ARG = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);

    private final Directory directory;
    private final Clock clock;
    private final StorageFaults faults;
    /** Off only in the benchmark, to measure what storing the history costs a write (see {@link #storeHistory}). */
    private volatile boolean storeHistory = true;
    /** Off only in the benchmark, to measure what the directory events cost a write (see {@link #raiseEvents}). */
    private volatile boolean raiseEvents = true;

    public ActivityRecorder(Directory directory, Clock clock) {
        this(directory, clock, new StorageFaults(clock));
    }

    /** {@code faults}: where an entry lost to an outage of the store is told, so that it is logged once a minute. */
    public ActivityRecorder(Directory directory, Clock clock, StorageFaults faults) {
        this.directory = directory;
        this.clock = clock;
        this.faults = faults;
    }

    /**
     * The entry for a successful write, to be stored in the write's own transaction, with what it changed and the
     * request it came from (its attribute history; no changes: it changed nothing). Values are capped like arguments.
     */
    Directory.Activity success(Provisioning.Attempt attempt, StoredResource written, Reason reason,
            List<Directory.Change> changes) {
        List<Directory.Change> kept = changes.stream().map(ch -> new Directory.Change(ch.attribute(),
                ch.before() == null ? null : capped(ch.before()), ch.after() == null ? null : capped(ch.after())))
                .toList();
        Directory.Activity entry = entry(attempt.tenantId, attempt.clientAddress, attempt.operation.name(),
                attempt.type.resourceName(), written.id(), attempt.name(), SUCCESS, reason);
        return storeHistory ? entry.withHistory(new Directory.History(attempt.requestId, kept)) : entry;
    }

    /**
     * For the benchmark only (its rows "creates (history on/off)"): with {@code false}, writes keep their activity
     * entries but store no attribute history. Nothing else turns it off: the owner's control is the retention.
     */
    void storeHistory(boolean on) {
        storeHistory = on;
    }

    /**
     * {@code entry} with the directory events {@code events} makes, to be stored with it in the write's transaction
     * (made only when they are stored).
     */
    Directory.Activity withEvents(Directory.Activity entry, Supplier<List<Directory.Event>> events) {
        return raiseEvents ? entry.withEvents(events.get()) : entry;
    }

    /**
     * For the benchmark only (its rows "creates (both off)" and the initial cycle with events off): with
     * {@code false}, writes raise no directory events, so the feed and the webhooks get nothing. Nothing else turns
     * them off; like {@link #storeHistory}, it exists so that one run compares both ways, interleaved.
     */
    void raiseEvents(boolean on) {
        raiseEvents = on;
    }

    /** A SCIM request that was refused, with the reason its client was given. */
    void rejected(Provisioning.Attempt attempt, ScimException e) {
        write(entry(attempt.tenantId, attempt.clientAddress, attempt.operation.name(), attempt.type.resourceName(),
                attempt.resourceId, attempt.name(), REJECTED, Rejections.reasonOf(e)));
    }

    /**
     * The entry for a request refused before it reached a resource (a wrong token, the SCIM app turned off), from
     * {@code clientAddress}; for the caller to write.
     */
    Directory.Activity refused(String tenantId, String clientAddress, String operation, String resource,
            Reason reason) {
        return entry(tenantId, clientAddress, operation, resource, null, null, REJECTED, reason);
    }

    /**
     * The store served {@code tenantId} ({@code wrote}: a write was committed): an outage that ended and that this
     * tenant's log does not have yet is written to it, as its start and its end, each at its own time.
     */
    void served(String tenantId, boolean wrote) {
        faults.outages().served(tenantId, wrote).ifPresent(o -> {
            String kind = o.kind().name();
            write(new Directory.Activity(0, o.started(), tenantId, OUTAGE, SERVICE, null, null, REJECTED,
                    "activity.outage." + kind + ".started", List.of(), null, null));
            write(new Directory.Activity(0, o.ended(), tenantId, OUTAGE, SERVICE, null, null, SUCCESS,
                    "activity.outage." + kind + ".ended", List.of(Integer.toString(o.refused())), null, null));
        });
    }

    /** The outage of the store under way, as the owner is told it ({@link StorageOutages#current()}), or null. */
    Reason outageUnderWay() {
        return faults.outages().current();
    }

    /** Something the owner did to the SCIM app itself (enable, rotate the token, disable). */
    void ownerAction(String tenantId, String operation, Reason reason) {
        write(entry(tenantId, null, operation, "ScimApp", null, null, SUCCESS, reason));
    }

    private Directory.Activity entry(String tenantId, String clientAddress, String operation, String resource,
            String resourceId, String name, String outcome, Reason reason) {
        return new Directory.Activity(0, clock.instant(), tenantId, operation, resource,
                StorableText.printable(resourceId), StorableText.printable(name), outcome, reason.code(),
                reason.args().stream().map(ActivityRecorder::capped).toList(), null, clientAddress);
    }

    /**
     * An argument echoes what a client sent; the log keeps enough of it to recognise, not all of it, and never a
     * character the store cannot keep (a refusal of a NUL must itself be loggable).
     */
    private static String capped(String arg) {
        String kept = arg.length() > MAX_ARG ? arg.substring(0, MAX_ARG) + "…" : arg;
        return StorableText.printable(kept);
    }

    void write(Directory.Activity entry) {
        try {
            directory.log(entry);
        } catch (StorageException e) {
            if (e.isOutage()) {
                faults.note(e); // one line a minute, not one per refused request
            } else {
                warnLost(entry, e);
            }
        } catch (RuntimeException e) {
            warnLost(entry, e);
        }
    }

    /** The answer to the client must not depend on the log; the failure is still visible to operators. */
    private static void warnLost(Directory.Activity entry, RuntimeException e) {
        LOG.warn("Could not write the activity log entry for {} {}: {}", entry.operation(), entry.resource(),
                e.toString());
    }
}
