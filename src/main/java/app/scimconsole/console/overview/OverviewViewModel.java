package app.scimconsole.console.overview;

import app.scimconsole.admin.AdminApi.Cycle;
import app.scimconsole.admin.AdminApi.DomainEntry;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminApi.Traffic;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.Texts;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.OverviewModel;
import app.scimconsole.console.setup.RequiredMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Overview: the service's state, Entra's traffic and the counts, and the warnings that matter, re-read while
 * shown. {@link #warnings} is pure, so what deserves a warning is unit-tested.
 */
public final class OverviewViewModel {
    public enum Severity { ERROR, WARN, INFO }

    public record Warning(Severity severity, String text) {
    }

    /** One "label: value" line of the state card. */
    public record Fact(String label, String value) {
    }

    private final UiKit ui;
    private final OverviewModel overview;
    private final Supplier<AdminApi> api;
    private final Duration interval;
    private final ObjectProperty<Traffic> traffic = new SimpleObjectProperty<>();
    private final ObjectProperty<List<DomainEntry>> domains = new SimpleObjectProperty<>(List.of());
    private final ObservableList<Fact> facts = FXCollections.observableArrayList();
    private final ObservableList<Fact> counts = FXCollections.observableArrayList();
    private final ObservableList<Warning> warnings = FXCollections.observableArrayList();
    private final BooleanProperty rejectedRecently = new SimpleBooleanProperty();

    public OverviewViewModel(UiKit ui, OverviewModel overview, Supplier<AdminApi> api, Duration interval) {
        this.ui = ui;
        this.overview = overview;
        this.api = api;
        this.interval = interval;
        overview.overviewProperty().addListener((o, was, now) -> update());
        traffic.addListener((o, was, now) -> update());
        domains.addListener((o, was, now) -> update());
        update();
    }

    /** Keeps everything fresh until the handle is cancelled. */
    public Scheduler.Cancellable watch() {
        Scheduler.Cancellable o = overview.watch();
        readMore();
        Scheduler.Cancellable t = ui.scheduler().every(interval.multipliedBy(2), this::readMore);
        return () -> {
            o.cancel();
            t.cancel();
        };
    }

    private void readMore() {
        Tasks.create(() -> api.get().traffic()).quiet().onSuccess(traffic::set).onError(m -> { }).runOnce(ui.tasks());
        Tasks.create(() -> api.get().domains()).quiet().onSuccess(domains::set).onError(m -> { }).runOnce(ui.tasks());
    }

    /** Recomputes the facts, counts and warnings from the last answers. */
    public void update() {
        Overview o = overview.get();
        Instant now = ui.clock().instant();
        Texts t = ui.texts();
        Traffic tr = traffic.get();
        List<Fact> f = new ArrayList<>();
        List<Fact> c = new ArrayList<>();
        if (o != null) {
            f.add(new Fact(ui.text("overview.scim"), ui.text(o.scimEnabled() ? "overview.scim.on" : "overview.scim.off")));
            f.add(new Fact(ui.text("overview.tenantUrl"), o.tenantUrl() == null ? "—" : o.tenantUrl()));
            f.add(new Fact(ui.text("overview.tokenAge"), o.tokenCreated() == null ? "—"
                    : ui.text("overview.created", t.ago(o.tokenCreated(), now))));
            f.add(new Fact(ui.text("overview.tokenUsed"), t.ago(o.tokenLastUsed(), now)));
            f.add(new Fact(ui.text("overview.method"), ui.text(
                    app.scimconsole.console.setup.CredentialMethod.of(o.authMethod()).textKey())));
            f.addAll(credentials(o, ui, now));
            Instant last = tr != null && tr.lastRequest() != null ? tr.lastRequest() : o.lastRequest();
            f.add(new Fact(ui.text("overview.lastRequest"), last == null ? ui.text("time.never")
                    : t.time(last) + " (" + t.ago(last, now) + ")"));
            c.add(new Fact(ui.text("overview.count.active"), Long.toString(o.activeUsers())));
            c.add(new Fact(ui.text("overview.count.suspended"), Long.toString(o.suspendedUsers())));
            c.add(new Fact(ui.text("overview.count.groups"), Long.toString(o.groups())));
            c.add(new Fact(ui.text("overview.count.rejected"), Long.toString(o.rejectedLastDay())));
        }
        rejectedRecently.set(o != null && o.rejectedLastDay() > 0);
        if (tr != null) {
            Cycle lastCycle = tr.cycles().isEmpty() ? null : tr.cycles().get(0);
            f.add(new Fact(ui.text("overview.lastCycle"), lastCycle == null ? ui.text("overview.noCycle")
                    : ui.text(lastCycle.fromLog() ? "overview.cycleFromLog" : "overview.cycle",
                            t.time(lastCycle.start()), lastCycle.requests(), lastCycle.rejected())));
            f.add(new Fact(ui.text("overview.nextCycle"), tr.nextExpectedCycle() == null ? "—"
                    : tr.nextExpectedCycle().isAfter(now) ? ui.text("overview.nextAt", t.time(tr.nextExpectedCycle()),
                            t.countdown(tr.nextExpectedCycle(), now))
                    : ui.text("overview.overdue", t.time(tr.nextExpectedCycle()))));
        }
        facts.setAll(f);
        counts.setAll(c);
        warnings.setAll(warnings(o, domains.get(), ui.texts(), now));
    }

    /** Each credential that works now, with its expiry and last use: secret tokens, then each client's secrets. */
    static List<Fact> credentials(Overview o, UiKit ui, Instant now) {
        List<Fact> out = new ArrayList<>();
        if (!o.scimEnabled()) {
            return out;
        }
        for (AdminApi.TokenInfo k : o.tokens() == null ? List.<AdminApi.TokenInfo>of() : o.tokens()) {
            out.add(new Fact(ui.text("overview.credential.token"), line(ui, k.expires(), k.lastUsed(), now)));
        }
        for (AdminApi.OAuthClientInfo c : o.oauthClients()) {
            for (AdminApi.ClientSecretInfo s : c.secrets()) {
                out.add(new Fact(ui.text("overview.credential.secret", c.clientId()),
                        line(ui, s.expires(), s.lastUsed(), now)));
            }
        }
        for (AdminApi.FederationTrust t : o.federationTrusts()) {
            // A trust has no secret and so no expiry: its last use tells whether Entra obtains tokens with it.
            out.add(new Fact(ui.text("overview.credential.trust", t.clientId()), t.lastUsedAt() == null
                    ? ui.text("overview.credential.unused") : ui.text("overview.credential.used",
                            ui.texts().ago(t.lastUsedAt(), now))));
        }
        return out;
    }

    private static String line(UiKit ui, Instant expires, Instant lastUsed, Instant now) {
        String used = lastUsed == null ? ui.text("overview.credential.unused")
                : ui.text("overview.credential.used", ui.texts().ago(lastUsed, now));
        return expires == null ? ui.text("overview.credential.noExpiry", used)
                : ui.text("overview.credential.line", ui.texts().time(expires), used);
    }

    /** What deserves the owner's attention, most serious first. */
    public static List<Warning> warnings(Overview o, List<DomainEntry> domains, Texts texts, Instant now) {
        I18n i18n = texts.i18n();
        List<Warning> w = new ArrayList<>();
        if (o == null) {
            return w;
        }
        // One warning a domain: a registered domain whose users were refused is said by its status where that tells
        // more (lost, expired), else as refused; its "not verified yet" would only say the same again.
        java.util.Set<String> refused = new java.util.HashSet<>();
        for (String d : o.unverifiedRejectedDomains()) {
            refused.add(d.toLowerCase(java.util.Locale.ROOT));
            DomainEntry registered = domains.stream().filter(e -> e.domain().equalsIgnoreCase(d)).findFirst().orElse(null);
            if (registered == null || !"LOST".equals(registered.status()) && !"EXPIRED".equals(registered.status())) {
                w.add(new Warning(Severity.ERROR, i18n.text("overview.warn.unverified", d)));
            }
        }
        for (DomainEntry d : domains) {
            boolean wasRefused = refused.contains(d.domain().toLowerCase(java.util.Locale.ROOT));
            if ("LOST".equals(d.status())) {
                w.add(new Warning(Severity.ERROR, i18n.text("overview.warn.lost", d.domain())));
            } else if ("EXPIRED".equals(d.status())) {
                w.add(new Warning(Severity.ERROR, i18n.text("overview.warn.expired", d.domain())));
            } else if ("VERIFIED".equals(d.status()) && d.verificationEnds() != null) {
                w.add(new Warning(Severity.WARN, i18n.text("overview.warn.expiring", d.domain(),
                        texts.time(d.verificationEnds()))));
            } else if (!"VERIFIED".equals(d.status()) && !wasRefused) {
                w.add(new Warning(Severity.WARN, i18n.text("overview.warn.pending", d.domain())));
            }
        }
        List<app.scimconsole.admin.Reason> credentials = app.scimconsole.console.common.CredentialWarnings.of(o, now);
        if (!o.scimEnabled()) {
            w.add(new Warning(Severity.WARN, i18n.text("overview.warn.scimOff")));
        } else if (o.tokenLastUsed() == null && credentials.isEmpty()
                && app.scimconsole.admin.AdminApi.METHOD_SECRET_TOKEN.equals(o.authMethod())) {
            // Said once: after a week unused, the credential's own warning says it with its date.
            w.add(new Warning(Severity.WARN, i18n.text("overview.warn.tokenUnused")));
        }
        for (app.scimconsole.admin.Reason r : credentials) {
            w.add(new Warning(Severity.WARN, new app.scimconsole.console.common.ReasonTexts(texts).text(r)));
        }
        if (o.coverage() != null && o.coverage().users() > 0) {
            for (RequiredMapping m : RequiredMapping.values()) {
                if (m.count(o.coverage()) == 0) {
                    w.add(new Warning(Severity.WARN, i18n.text("overview.warn.mapping", m.entraAttribute(),
                            m.scimAttribute())));
                }
            }
        }
        if (domains.isEmpty()) {
            w.add(new Warning(Severity.INFO, i18n.text("overview.warn.noDomains")));
        }
        return w;
    }

    public ObservableList<Fact> facts() {
        return facts;
    }

    public ObservableList<Fact> counts() {
        return counts;
    }

    /** Whether Entra's requests were refused in the last day: the Users view then says who and what fixes it. */
    public BooleanProperty rejectedRecentlyProperty() {
        return rejectedRecently;
    }

    public ObservableList<Warning> warnings() {
        return warnings;
    }
}
