package app.scimconsole.console.context;

import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
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
 * The service's state at a glance ({@link AdminApi#overview()}), shared by every view that shows part of it. It
 * polls in the background only while some view {@linkplain #watch() watches}, and never runs two reads at once.
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
    private int watchers;
    private Scheduler.Cancellable polling;
    private boolean inFlight;
    private boolean again;

    public OverviewModel(UiKit ui, Supplier<AdminApi> api, Duration interval) {
        this.ui = ui;
        this.api = api;
        this.interval = interval;
    }

    /** Reads the overview now (in the background). */
    public void refresh() {
        if (inFlight) {
            again = true;
            return;
        }
        inFlight = true;
        Tasks.create(this::read).quiet().onSuccess(o -> {
            overview.set(o);
            problem.set("");
            // The service answers, but may still refuse changes (a full disk leaves reads working).
            storageOutage.set(o.storageOutage() == null ? "" : ui.reasons().text(o.storageOutage()));
        }).onError(message -> {
            problem.set(message);
            storageOutage.set(outageRead ? message : "");
        }).andFinally(() -> {
            inFlight = false;
            if (again) {
                again = false;
                refresh();
            }
        }).runOnce(ui.tasks());
    }

    private Overview read() {
        outageRead = false;
        try {
            return api.get().overview();
        } catch (AdminException e) {
            outageRead = StorageOutage.is(e);
            throw e;
        }
    }

    /** Keeps the overview fresh until the returned handle is cancelled. */
    public Scheduler.Cancellable watch() {
        watchers++;
        if (polling == null) {
            refresh();
            polling = ui.scheduler().every(interval, this::refresh);
        }
        boolean[] cancelled = {false};
        return () -> {
            if (!cancelled[0]) {
                cancelled[0] = true;
                watchers--;
                if (watchers == 0 && polling != null) {
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
     * in plain words, for a banner; empty otherwise. Said by the service's overview, or by its refusal of the read
     * itself; cleared by the first read that works again and reports no outage.
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
