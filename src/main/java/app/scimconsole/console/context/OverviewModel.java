package app.scimconsole.console.context;

import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The service's state at a glance ({@link AdminApi#overview()}), shared by every view that shows part of it, and
 * whether the service can use its storage, for the window's banner. It polls in the background only while someone
 * watches: the overview while a view that shows it {@linkplain #watch() watches}, else only the storage's state
 * ({@link AdminApi#storageState()}, a light read) while the window {@linkplain #watchStorage() watches} for an outage.
 * At a million users the overview counts every user's attributes; read beside the Users view for as long as the
 * window was open, that slowed its search as you type by about half (issue 21). It never runs two reads at once.
 */
public final class OverviewModel {
    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final Duration interval;
    private final ObjectProperty<Overview> overview = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty storageOutage = new SimpleStringProperty("");
    /** Whether the last read failed for an outage of the service's storage; set off the FX thread, read on it. */
    private volatile boolean outageRead;
    private int overviewWatchers;
    private int storageWatchers;
    private Scheduler.Cancellable polling;
    private boolean inFlight;
    /** Whether the read under way is the overview's. */
    private boolean wholeInFlight;
    private boolean overviewAgain;
    private boolean storageAgain;

    public OverviewModel(UiKit ui, Supplier<AdminApi> api, Duration interval) {
        this.ui = ui;
        this.api = api;
        this.interval = interval;
    }

    /** Reads the overview now (in the background). */
    public void refresh() {
        read(true);
    }

    /** The overview when {@code whole}, else the storage's state alone; after the read under way, if one is. */
    private void read(boolean whole) {
        if (inFlight) {
            overviewAgain |= whole;
            storageAgain |= !whole;
            return;
        }
        inFlight = true;
        wholeInFlight = whole;
        Tasks.create(() -> guarded(() -> whole ? Answer.of(api.get().overview())
                : new Answer(null, api.get().storageState().outage()))).quiet().onSuccess(a -> {
                    if (a.overview() != null) {
                        overview.set(a.overview());
                    }
                    served(a.outage());
                }).onError(this::failed).andFinally(this::readDone).runOnce(ui.tasks());
    }

    /** What a read found: the overview (null when only the storage's state was read), and the storage's outage. */
    private record Answer(Overview overview, Reason outage) {
        static Answer of(Overview o) {
            return new Answer(o, o.storageOutage());
        }
    }

    private <T> T guarded(Supplier<T> read) {
        outageRead = false;
        try {
            return read.get();
        } catch (AdminException e) {
            outageRead = StorageOutage.is(e);
            throw e;
        }
    }

    /** The service answered; it may still refuse changes (a full disk leaves reads working). */
    private void served(Reason outage) {
        problem.set("");
        storageOutage.set(outage == null ? "" : ui.reasons().text(outage));
    }

    private void failed(String message) {
        problem.set(message);
        storageOutage.set(outageRead ? message : "");
    }

    /** The overview asked for meanwhile also says the storage's state, so it goes first and answers both. */
    private void readDone() {
        inFlight = false;
        if (overviewAgain || storageAgain) {
            boolean whole = overviewAgain;
            overviewAgain = false;
            storageAgain = false;
            read(whole);
        }
    }

    /**
     * Reads what is watched, now: the overview, or the storage's state alone, or nothing (a new connection: at a
     * million users the overview's counts take the service a second or two, for no one while the Users view shows).
     */
    public void readWatched() {
        if (overviewWatchers > 0 || storageWatchers > 0) {
            read(overviewWatchers > 0);
        }
    }

    /**
     * Keeps the overview fresh until the returned handle is cancelled; the first watcher reads it at once, unless the
     * overview's read is under way (a page that watches again on a new connection, which {@link #readWatched} read).
     */
    public Scheduler.Cancellable watch() {
        overviewWatchers++;
        if (overviewWatchers == 1 && !(inFlight && wholeInFlight)) {
            refresh();
        }
        return watching(() -> overviewWatchers--);
    }

    /**
     * Keeps {@link #storageOutageProperty()} (and {@link #problemProperty()}) fresh until the returned handle is
     * cancelled, reading only the storage's state while no one {@linkplain #watch() watches} the overview.
     */
    public Scheduler.Cancellable watchStorage() {
        storageWatchers++;
        if (storageWatchers == 1 && overviewWatchers == 0) {
            read(false);
        }
        return watching(() -> storageWatchers--);
    }

    private Scheduler.Cancellable watching(Runnable leave) {
        if (polling == null) {
            polling = ui.scheduler().every(interval, () -> read(overviewWatchers > 0));
        }
        boolean[] cancelled = {false};
        return () -> {
            if (!cancelled[0]) {
                cancelled[0] = true;
                leave.run();
                if (overviewWatchers == 0 && storageWatchers == 0 && polling != null) {
                    polling.cancel();
                    polling = null;
                }
            }
        };
    }

    /** Forgets the last answer (the connection changed). */
    public void clear() {
        overview.set(null);
        problem.set("");
        storageOutage.set("");
    }

    /**
     * While the service cannot use its storage (its database cannot be reached, its disk is full…): what is wrong,
     * in plain words, for a banner; empty otherwise. Said by the service's overview or its storage's state, or by its
     * refusal of the read itself; cleared by the first read that works again and reports no outage.
     */
    public ReadOnlyStringProperty storageOutageProperty() {
        return storageOutage;
    }

    public ReadOnlyObjectProperty<Overview> overviewProperty() {
        return overview;
    }

    public Overview get() {
        return overview.get();
    }

    /** The last read's failure, in plain words; empty when it worked. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
