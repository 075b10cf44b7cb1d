package app.scimconsole.console.domains;

import app.scimconsole.admin.AdminApi.DomainEntry;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.InvalidDomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The e-mail domains and their live status (wizard step 5, and the Domains view). While active it keeps the
 * countdowns ticking, re-reads the service's stored standing, and re-checks DNS from this computer for domains not
 * verified yet, so a newly published record turns the domain verified within seconds.
 */
public final class DomainsViewModel {
    /** How often the service's stored standing is re-read while the view is shown. */
    public static final Duration REFRESH = Duration.ofSeconds(15);
    /** How often this computer re-checks DNS for a domain that is not verified yet. */
    public static final Duration LIVE_RECHECK = Duration.ofSeconds(20);

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final Supplier<LiveCheck> live;
    private final ObservableList<DomainViewModel> domains = FXCollections.observableArrayList();
    private final List<String> refused = new ArrayList<>();
    private final ObservableList<String> suggested = FXCollections.observableArrayList();
    private final StringProperty newDomain = new SimpleStringProperty("");
    private final StringBinding newDomainError;
    private final BooleanBinding canAdd;
    private final BooleanProperty adding = new SimpleBooleanProperty();
    private final BooleanProperty loaded = new SimpleBooleanProperty();
    private final BooleanBinding anyVerified;
    private final ZoneCheckViewModel zoneCheck;
    private Instant lastRefresh = Instant.MIN;
    private int active;
    private Scheduler.Cancellable ticker;

    public DomainsViewModel(UiKit ui, Supplier<AdminApi> api, Supplier<LiveCheck> live) {
        this.ui = ui;
        this.api = api;
        this.live = live;
        newDomainError = Bindings.createStringBinding(() -> validate(newDomain.get()), newDomain);
        canAdd = Bindings.createBooleanBinding(() -> !newDomain.get().isBlank() && newDomainError.get() == null
                && !adding.get(), newDomain, newDomainError, adding);
        anyVerified = Bindings.createBooleanBinding(() -> domains.stream()
                .anyMatch(d -> d.indicatorProperty().get() == Indicator.VERIFIED), domains);
        zoneCheck = new ZoneCheckViewModel(ui, domains);
    }

    /** A plain sentence when {@code text} is not a domain name; null when it is, or when nothing is typed yet. */
    public String validate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            DomainName.parse(text);
            return null;
        } catch (InvalidDomainException e) {
            return ui.reasons().text(e.reason());
        }
    }

    /** Reads the registered domains from the service. */
    public void refresh() {
        Tasks.create(() -> api.get().domains()).quiet().onSuccess(this::merge)
                .onError(ui.status()::error).runOnce(ui.tasks());
    }

    private void merge(List<DomainEntry> entries) {
        lastRefresh = ui.clock().instant();
        Map<String, DomainViewModel> known = new HashMap<>();
        for (DomainViewModel d : domains) {
            known.put(d.domain(), d);
        }
        List<DomainViewModel> next = entries.stream().map(e -> {
            DomainViewModel d = known.get(e.domain());
            if (d == null) {
                d = new DomainViewModel(ui, api, live, e);
                d.indicatorProperty().addListener((o, was, now) -> anyVerified.invalidate());
                if (active > 0) {
                    d.liveCheck(() -> { });
                }
            } else {
                d.setEntry(e);
            }
            return d;
        }).toList();
        if (!next.equals(domains)) {
            // Change the list only where the service's changed, so that what is chosen among the others (the zone
            // check's domain, say) stays chosen: a replaced list clears every selection bound to it.
            domains.retainAll(next);
            if (next.subList(0, domains.size()).equals(domains)) {
                domains.addAll(next.subList(domains.size(), next.size()));
            } else {
                domains.setAll(next);
            }
        }
        anyVerified.invalidate();
        loaded.set(true);
        suggest();
    }

    /**
     * The domains whose people Entra already sent and this service refused (from the activity log); those not
     * registered yet are offered to be added with one click.
     */
    public void setRefused(List<String> names) {
        refused.clear();
        refused.addAll(names == null ? List.of() : names);
        suggest();
    }

    private void suggest() {
        List<String> next = !loaded.get() ? List.of() : refused.stream().map(n -> n.strip().toLowerCase(Locale.ROOT))
                .filter(n -> !n.isEmpty() && domains.stream().noneMatch(d -> d.domain().equalsIgnoreCase(n)))
                .distinct().toList();
        if (!next.equals(suggested)) {
            suggested.setAll(next);
        }
    }

    /** The domains of people Entra sent and this service refused, not registered yet: each offered as "Add …". */
    public ObservableList<String> suggested() {
        return suggested;
    }

    /** Registers the typed domain and shows the record to publish. */
    public void add() {
        if (canAdd.get()) {
            add(newDomain.get().strip(), true);
        }
    }

    /** Registers a domain offered from Entra's refusals; what is typed in the field stays. */
    public void addSuggested(String name) {
        if (!adding.get()) {
            add(name, false);
        }
    }

    private void add(String name, boolean typed) {
        adding.set(true);
        Tasks.create(() -> api.get().addDomain(name)).describedAs(ui.text("domains.adding", name)).onSuccess(e -> {
            if (typed) {
                newDomain.set("");
            }
            ui.status().success(ui.text("domains.added", e.domain()));
            DomainViewModel existing = find(e.domain());
            if (existing == null) {
                List<DomainEntry> entries = new java.util.ArrayList<>(domains.stream().map(d -> d.entryProperty().get()).toList());
                entries.add(e);
                merge(entries);
            } else {
                existing.setEntry(e);
            }
        }).andFinally(() -> adding.set(false)).runOnce(ui.tasks());
    }

    /** After a confirmation: removes the registration (users already provisioned stay). */
    public void remove(DomainViewModel d) {
        boolean sure = ui.confirmer().confirm(ui.text("domains.remove.title"), ui.text("domains.remove.header", d.displayName()),
                ui.text("domains.remove.details"), ui.text("domains.remove.confirm"));
        if (!sure) {
            return;
        }
        Tasks.create(() -> api.get().removeDomain(d.domain())).describedAs(ui.text("domains.removing", d.displayName()))
                .onSuccess(v -> {
                    domains.remove(d);
                    anyVerified.invalidate();
                    suggest();
                    ui.status().success(ui.text("domains.removed", d.displayName()));
                }).runOnce(ui.tasks());
    }

    public DomainViewModel find(String domain) {
        return domains.stream().filter(d -> d.domain().equals(domain)).findFirst().orElse(null);
    }

    /** Starts the live behaviour (the view is shown); cancel the handle when it is hidden. */
    public Scheduler.Cancellable activate() {
        active++;
        if (ticker == null) {
            domains.forEach(d -> d.liveCheck(this::refresh)); // domains read later are checked as they arrive
            refresh();
            ticker = ui.scheduler().every(Duration.ofSeconds(1), this::tick);
        }
        boolean[] cancelled = {false};
        return () -> {
            if (!cancelled[0]) {
                cancelled[0] = true;
                active--;
                if (active == 0 && ticker != null) {
                    ticker.cancel();
                    ticker = null;
                }
            }
        };
    }

    /** One second passed: countdowns, and the periodic reads and checks. */
    public void tick() {
        Instant now = ui.clock().instant();
        boolean overdue = false;
        for (DomainViewModel d : domains) {
            d.tick(now);
            DomainEntry e = d.entryProperty().get();
            if (e.nextCheck() != null && now.isAfter(e.nextCheck().plusSeconds(5))) {
                overdue = true;
            }
            Instant lastLive = d.lastLiveAt();
            if (d.indicatorProperty().get() != Indicator.VERIFIED
                    && (lastLive == null || !now.isBefore(lastLive.plus(LIVE_RECHECK)))) {
                d.liveCheck(this::refresh);
            }
        }
        if (!now.isBefore(lastRefresh.plus(REFRESH)) || overdue && !now.isBefore(lastRefresh.plusSeconds(5))) {
            lastRefresh = now;
            refresh();
        }
    }

    public ObservableList<DomainViewModel> domains() {
        return domains;
    }

    public StringProperty newDomainProperty() {
        return newDomain;
    }

    public StringBinding newDomainErrorProperty() {
        return newDomainError;
    }

    public BooleanBinding canAddProperty() {
        return canAdd;
    }

    public ReadOnlyBooleanProperty addingProperty() {
        return adding;
    }

    /** True once the first list has arrived. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public BooleanBinding anyVerifiedProperty() {
        return anyVerified;
    }

    public ZoneCheckViewModel zoneCheck() {
        return zoneCheck;
    }
}
