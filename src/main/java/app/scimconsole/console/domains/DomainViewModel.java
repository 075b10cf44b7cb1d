package app.scimconsole.console.domains;

import app.scimconsole.admin.AdminApi.DomainEntry;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.ReasonTexts;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DomainName;
import app.scimconsole.domains.ServerCheck;
import app.scimconsole.domains.VerificationResult;
import app.scimconsole.domains.VerificationStatus;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One registered domain: the record to publish, the service's stored standing (what decides whether Entra's users
 * are accepted) with what its last check found, and this computer's live DNS check with one row per server asked
 * and the reasons and fixes. Every text is made here from reasons (codes and arguments), in the console's language.
 */
public final class DomainViewModel {
    /** A per-server row, ready to show. */
    public record ServerRow(String server, String role, String answer, boolean hasRecord) {
    }

    /** What is wrong and what to do, ready to show. */
    public record DiagnosisRow(String problem, String fix) {
    }

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final Supplier<LiveCheck> live;
    private final String domain;
    private final Challenge challenge;

    private final ObjectProperty<DomainEntry> entry = new SimpleObjectProperty<>();
    private final ObjectProperty<Indicator> indicator = new SimpleObjectProperty<>(Indicator.UNKNOWN);
    private final StringProperty statusText = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty liveNote = new SimpleStringProperty("");
    private final StringProperty schedule = new SimpleStringProperty("");
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final ObservableList<ServerRow> servers = FXCollections.observableArrayList();
    private final ObservableList<DiagnosisRow> diagnoses = FXCollections.observableArrayList();
    private final ObjectProperty<VerificationResult> lastLive = new SimpleObjectProperty<>();
    private Instant lastLiveAt;

    public DomainViewModel(UiKit ui, Supplier<AdminApi> api, Supplier<LiveCheck> live, DomainEntry first) {
        this.ui = ui;
        this.api = api;
        this.live = live;
        this.domain = first.domain();
        this.challenge = challengeOf(first);
        setEntry(first);
    }

    /** The challenge a registration's record describes, rebuilt from its name and value. */
    static Challenge challengeOf(DomainEntry e) {
        String value = e.recordValue() == null ? "" : e.recordValue();
        String token = value.startsWith(Challenge.VALUE_PREFIX) ? value.substring(Challenge.VALUE_PREFIX.length()) : value;
        return new Challenge(DomainName.lookup(e.domain()), token);
    }

    void setEntry(DomainEntry e) {
        entry.set(e);
        Indicator i = Indicator.of(e.status());
        indicator.set(i);
        statusText.set(ui.text(i.key()));
        if (lastLive.get() == null) {
            ReasonTexts reasons = ui.reasons();
            summary.set(e.summary() == null ? ui.text("domain.notCheckedYet") : reasons.text(e.summary()));
            diagnoses.setAll(e.diagnoses().stream()
                    .map(d -> new DiagnosisRow(reasons.text(d.problem()), reasons.text(d.fix()))).toList());
        }
        updateLiveNote();
        tick(ui.clock().instant());
    }

    /** Updates the schedule line ("Next automatic check in 4:05"). */
    void tick(Instant now) {
        DomainEntry e = entry.get();
        Indicator i = indicator.get();
        if (i == Indicator.EXPIRED) {
            schedule.set(ui.text("domain.schedule.expired"));
        } else if (e.nextCheck() == null) {
            schedule.set(ui.text("domain.schedule.none"));
        } else if (i == Indicator.VERIFIED) {
            String since = ui.texts().time(e.verifiedAt());
            schedule.set(e.nextCheck().isAfter(now) ? ui.text("domain.schedule.verified", since,
                    ui.texts().countdown(e.nextCheck(), now)) : ui.text("domain.schedule.verifiedDue", since));
        } else {
            schedule.set(e.nextCheck().isAfter(now) ? ui.text("domain.schedule.next",
                    ui.texts().countdown(e.nextCheck(), now)) : ui.text("domain.schedule.due"));
        }
    }

    /** Asks the service to check and store now, and checks from this computer at the same time. */
    public void checkNow() {
        if (checking.get()) {
            return;
        }
        checking.set(true);
        Tasks.create(() -> {
            LiveCheck checker = live.get();
            CompletableFuture<VerificationResult> local = CompletableFuture.supplyAsync(() -> checker.check(challenge));
            DomainEntry stored;
            try {
                stored = api.get().verifyDomain(domain);
            } finally {
                local.join();
            }
            return new Both(stored, local.join());
        }).describedAs(ui.text("domain.checking", domain)).onSuccess(b -> {
            applyLive(b.live());
            setEntry(b.stored());
        }).andFinally(() -> checking.set(false)).runOnce(ui.tasks());
    }

    private record Both(DomainEntry stored, VerificationResult live) {
    }

    /**
     * Checks from this computer only (quietly, for the live view). When this computer sees the record but the service
     * has not stored it as verified yet, asks the service to check now, so the domain turns verified at once.
     */
    void liveCheck(Runnable whenStoredChanged) {
        if (checking.get()) {
            return;
        }
        checking.set(true);
        boolean storedVerified = indicator.get() == Indicator.VERIFIED;
        Tasks.create(() -> {
            VerificationResult r = live.get().check(challenge);
            DomainEntry stored = r.isVerified() && !storedVerified ? api.get().verifyDomain(domain) : null;
            return new Both(stored, r);
        }).quiet().onSuccess(b -> {
            applyLive(b.live());
            if (b.stored() != null) {
                setEntry(b.stored());
                whenStoredChanged.run();
            }
        }).onError(m -> liveNote.set(m)).andFinally(() -> checking.set(false)).runOnce(ui.tasks());
    }

    private void applyLive(VerificationResult r) {
        ReasonTexts reasons = ui.reasons();
        lastLive.set(r);
        lastLiveAt = r.checkedAt();
        summary.set(reasons.text(r.summary()));
        servers.setAll(r.servers().stream().map(s -> row(s, reasons)).toList());
        diagnoses.setAll(r.diagnoses().stream()
                .map(d -> new DiagnosisRow(reasons.text(d.problem()), reasons.text(d.fix()))).toList());
        updateLiveNote();
    }

    private ServerRow row(ServerCheck s, ReasonTexts reasons) {
        // A server of a CNAME target's zone is known by the target it was asked about, whatever list it is on.
        String role = s.cnameTarget() != null ? ui.text("domain.role.cnameTarget", s.cnameTarget())
                : ui.text("domain.role." + s.role().name().toLowerCase(java.util.Locale.ROOT));
        return new ServerRow(reasons.text(s.server()), role, reasons.text(s.answer()), s.hasRecord());
    }

    private void updateLiveNote() {
        VerificationResult r = lastLive.get();
        if (r == null) {
            liveNote.set("");
            return;
        }
        String when = ui.texts().time(r.checkedAt());
        boolean agrees = (r.status() == VerificationStatus.VERIFIED) == (indicator.get() == Indicator.VERIFIED);
        liveNote.set(agrees ? ui.text("domain.live.checked", when)
                : ui.text("domain.live.differs", when, ui.text("domain.live." + r.status().name().toLowerCase(java.util.Locale.ROOT))));
    }

    Instant lastLiveAt() {
        return lastLiveAt;
    }

    public void copyRecordName() {
        ui.clipboard().copy(recordName());
        ui.status().success(ui.text("domain.copiedName"));
    }

    public void copyRecordHost() {
        ui.clipboard().copy(Challenge.RECORD_LABEL);
        ui.status().success(ui.text("domain.copiedHost"));
    }

    public void copyRecordValue() {
        ui.clipboard().copy(recordValue());
        ui.status().success(ui.text("domain.copiedValue"));
    }

    public String domain() {
        return domain;
    }

    public String displayName() {
        return challenge.domain().unicode();
    }

    public Challenge challenge() {
        return challenge;
    }

    public String recordType() {
        return Challenge.RECORD_TYPE;
    }

    public String recordName() {
        DomainEntry e = entry.get();
        return e.recordName() == null ? challenge.recordName() : e.recordName();
    }

    public String recordHost() {
        return Challenge.RECORD_LABEL;
    }

    public String recordValue() {
        DomainEntry e = entry.get();
        return e.recordValue() == null ? challenge.recordValue() : e.recordValue();
    }

    public ReadOnlyObjectProperty<DomainEntry> entryProperty() {
        return entry;
    }

    public ReadOnlyObjectProperty<Indicator> indicatorProperty() {
        return indicator;
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** When this computer last checked, and whether it sees the same as the service. */
    public ReadOnlyStringProperty liveNoteProperty() {
        return liveNote;
    }

    public ReadOnlyStringProperty scheduleProperty() {
        return schedule;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    public ObservableList<ServerRow> servers() {
        return servers;
    }

    public ObservableList<DiagnosisRow> diagnoses() {
        return diagnoses;
    }

    public ReadOnlyObjectProperty<VerificationResult> lastLiveProperty() {
        return lastLive;
    }
}
