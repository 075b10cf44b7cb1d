package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.OverviewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step 4: waits, live, for Entra's first request, then says when it came, what has arrived, and when the next
 * cycle is expected (Entra provisions about every 40 minutes).
 */
public final class FirstRequestViewModel {
    public static final Duration CYCLE = Duration.ofMinutes(40);

    private final UiKit ui;
    private final OverviewModel overview;
    private final OwnTraffic own;
    private final BooleanProperty arrived = new SimpleBooleanProperty();
    private final BooleanProperty known = new SimpleBooleanProperty();
    private final BooleanProperty appOff = new SimpleBooleanProperty();
    private final StringProperty headline = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final ObservableList<String> refusedDomains = FXCollections.observableArrayList();
    private boolean entraSeen;

    public FirstRequestViewModel(UiKit ui, OverviewModel overview, OwnTraffic own) {
        this.ui = ui;
        this.overview = overview;
        this.own = own;
        overview.overviewProperty().addListener((o, was, now) -> update());
        update();
    }

    /** Recomputes the texts (also called every few seconds so "3 minutes ago" stays true). */
    public void update() {
        Overview o = overview.get();
        Instant now = ui.clock().instant();
        Instant last = o == null ? null : o.lastRequest();
        boolean ours = own.explains(last);
        if (last != null && !ours) {
            entraSeen = true;
        }
        known.set(o != null);
        arrived.set(last != null && (!ours || entraSeen));
        // Entra cannot call a SCIM app that is off: "waiting" would say the next move is Entra's.
        appOff.set(o != null && !o.scimEnabled() && !arrived.get());
        if (appOff.get()) {
            headline.set(ui.text("provisioning.appOff"));
            detail.set(ui.text("provisioning.appOffDetail"));
        } else if (o == null && !arrived.get()) {
            // Not read: "waiting" would claim that Entra has not called.
            headline.set(ui.text("provisioning.unknown"));
            detail.set(ui.text("provisioning.unknownDetail"));
        } else if (!arrived.get()) {
            headline.set(ui.text("provisioning.waiting"));
            detail.set(ui.text(ours ? "provisioning.waitingOwnTest" : "provisioning.waitingDetail"));
        } else {
            headline.set(ui.text("provisioning.arrived", ui.texts().time(last), ui.texts().ago(last, now)));
            Instant next = last.plus(CYCLE);
            detail.set(next.isAfter(now) ? ui.text("provisioning.nextCycle", ui.texts().time(next))
                    : ui.text("provisioning.cycleDue"));
        }
        if (o == null) {
            counts.set("");
            warning.set("");
            refusedDomains.clear();
            return;
        }
        counts.set(ui.text("provisioning.counts", o.activeUsers(), o.suspendedUsers(), o.groups(), o.rejectedLastDay()));
        List<String> rejected = o.unverifiedRejectedDomains() == null ? List.of() : o.unverifiedRejectedDomains();
        warning.set(rejected.isEmpty() ? "" : ui.text("mappings.rejected", String.join(", ", rejected)));
        if (!refusedDomains.equals(rejected)) {
            refusedDomains.setAll(rejected);
        }
    }

    public ReadOnlyBooleanProperty arrivedProperty() {
        return arrived;
    }

    /** True once the service's state was read. */
    /** Read, and the SCIM app is not enabled (and Entra has not called): there is nothing to wait for yet. */
    public ReadOnlyBooleanProperty appOffProperty() {
        return appOff;
    }

    public ReadOnlyBooleanProperty knownProperty() {
        return known;
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    /** The domains whose people Entra sent in the last day and this service refused, not verified still. */
    public ObservableList<String> refusedDomains() {
        return refusedDomains;
    }

    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }
}
