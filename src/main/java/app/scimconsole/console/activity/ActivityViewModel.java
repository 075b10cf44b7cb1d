package app.scimconsole.console.activity;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi.ActivityQuery;
import app.scimconsole.admin.AdminApi.Outcome;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.HistoryTimeline;
import app.scimconsole.console.common.CsvWriter;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The provisioning log, newest first, filtered by outcome and text, re-read every few seconds while shown. The table
 * and the CSV export use the same {@link #cell} texts, so the file holds what the table shows, except for the time:
 * the file has it in ISO 8601 with its offset, so a spreadsheet or another program reads it without guessing, and
 * after the table's columns each entry's client address (see {@link #export}). The chosen entry is told in full
 * ({@link Detail}): the whole reason, the user, what fixes it, where the request came from.
 */
public final class ActivityViewModel {
    public static final int LIMIT = 1000;

    /** The table's columns, in order: the CSV's too. */
    public enum Column { TIME, OPERATION, RESOURCE, USER_NAME, OUTCOME, DETAIL }

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final Duration interval;
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.ANY);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<ActivityEntry> entries = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObjectProperty<Detail> detail = new SimpleObjectProperty<>();
    private long generation;
    private boolean inFlight;
    private Scheduler.Cancellable pending;

    public ActivityViewModel(UiKit ui, Supplier<AdminApi> api, Duration interval) {
        this.ui = ui;
        this.api = api;
        this.interval = interval;
        outcome.addListener((o, was, now) -> load());
        text.addListener((o, was, now) -> {
            if (pending != null) {
                pending.cancel();
            }
            pending = ui.scheduler().after(Duration.ofMillis(250), this::load);
        });
    }

    /** Polls while the returned handle is not cancelled (the view is shown). */
    public Scheduler.Cancellable watch() {
        load();
        return ui.scheduler().every(interval, () -> {
            if (!inFlight) {
                load();
            }
        });
    }

    public void load() {
        long mine = ++generation;
        String t = text.get() == null || text.get().isBlank() ? null : text.get().strip();
        ActivityQuery q = new ActivityQuery(outcome.get(), t, LIMIT);
        inFlight = true;
        Tasks.create(() -> api.get().activity(q)).quiet().onSuccess(list -> {
            if (mine != generation) {
                return;
            }
            problem.set("");
            if (!list.equals(entries)) {
                entries.setAll(list);
            }
            summary.set(list.isEmpty() ? ui.text("activity.none") : ui.text("activity.showing", list.size()));
        }).onError(m -> {
            if (mine == generation) {
                problem.set(m);
            }
        }).andFinally(() -> inFlight = false).runOnce(ui.tasks());
    }

    public String header(Column c) {
        return ui.text("activity.col." + c.name().toLowerCase());
    }

    public String cell(ActivityEntry e, Column c) {
        return switch (c) {
            case TIME -> ui.texts().time(e.time());
            case OPERATION -> named("activity.operation.", e.operation());
            case RESOURCE -> named("activity.resource.", e.resource());
            case USER_NAME -> e.userName();
            case OUTCOME -> "rejected".equals(e.outcome()) ? ui.text("activity.outcome.rejected")
                    : "success".equals(e.outcome()) ? ui.text("activity.outcome.success") : e.outcome();
            case DETAIL -> e.reason() == null ? e.detail() : ui.reasons().text(e.reason());
        };
    }

    /** An operation or resource in the owner's language; one this version has no word for is shown as it is. */
    private String named(String prefix, String value) {
        return value != null && ui.i18n().has(prefix + value) ? ui.text(prefix + value) : value;
    }

    /**
     * One entry told in full. {@code fix} says what fixes a rejection (null when nothing the owner can do is known);
     * {@code retry} is said for a rejected user or group: Entra sends it again by itself.
     */
    public record Detail(long seq, String title, String outcome, boolean rejected, String time, String userName,
            String resourceId, String clientAddress, String reason, String fix, String retry, String changes) {
    }

    /** Shows {@code e} (null: none chosen) in the detail pane. */
    public void select(ActivityEntry e) {
        detail.set(e == null ? null : detail(e));
    }

    /** Where the entry shown in the detail pane is among {@link #entries()} now; -1 when it is not there. */
    public int indexOfShown() {
        Detail d = detail.get();
        if (d == null) {
            return -1;
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).seq() == d.seq()) {
                return i;
            }
        }
        return -1;
    }

    public Detail detail(ActivityEntry e) {
        boolean rejected = "rejected".equals(e.outcome());
        String title = cell(e, Column.OPERATION) + " · " + cell(e, Column.RESOURCE);
        String fix = e.reason() == null ? null : ui.reasons().fix(e.reason());
        boolean resent = rejected && ("User".equals(e.resource()) || "Group".equals(e.resource()));
        return new Detail(e.seq(), title, cell(e, Column.OUTCOME), rejected, ui.texts().time(e.time()),
                orDash(e.userName()),
                orDash(e.resourceId()), orDash(e.clientAddress()), cell(e, Column.DETAIL), fix,
                resent ? ui.text("activity.retry") : null, changes(e));
    }

    /** What the entry's write changed, one line each (its attribute history); null when none is kept. */
    private String changes(ActivityEntry e) {
        List<String> lines = new HistoryTimeline(ui.i18n(), ui.texts()).lines(e);
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** The detail as plain text, one labelled line each, as Copy puts it on the clipboard. */
    public String copyText(Detail d) {
        StringBuilder b = new StringBuilder();
        line(b, "activity.col.time", d.time());
        line(b, "activity.col.operation", d.title());
        line(b, "activity.col.outcome", d.outcome());
        line(b, "activity.col.user_name", d.userName());
        line(b, "activity.detail.resourceId", d.resourceId());
        line(b, "activity.col.client_address", d.clientAddress());
        line(b, "activity.col.detail", d.reason());
        if (d.fix() != null) {
            line(b, "activity.detail.fix", d.fix());
        }
        if (d.changes() != null) {
            line(b, "activity.detail.changes", "\n" + d.changes());
        }
        if (d.retry() != null) {
            b.append(d.retry()).append('\n');
        }
        return b.toString();
    }

    private void line(StringBuilder b, String label, String value) {
        b.append(ui.text(label)).append(": ").append(value == null ? "" : value).append('\n');
    }

    /** Puts the shown entry on the clipboard; false when none is shown. */
    public boolean copyShown() {
        Detail d = detail.get();
        if (d == null) {
            return false;
        }
        ui.clipboard().copy(copyText(d));
        ui.status().success(ui.text("activity.detail.copied"));
        return true;
    }

    /** A cell as the CSV file has it: the time in ISO 8601 with its offset, the rest as the table shows it. */
    public String fileCell(ActivityEntry e, Column c) {
        return c == Column.TIME ? ui.texts().iso(e.time()) : cell(e, c);
    }

    /**
     * Writes {@code shown} (the table's rows, in its order) with {@code columns} (its visible columns) as CSV, and
     * last each entry's client address: an export is read to find out who called, and the table has no room for it.
     */
    public void export(Path file, List<ActivityEntry> shown, List<Column> columns) {
        List<String> header = new ArrayList<>(columns.stream().map(this::header).toList());
        header.add(ui.text("activity.col.client_address"));
        List<List<String>> rows = new ArrayList<>();
        for (ActivityEntry e : shown) {
            List<String> row = new ArrayList<>(columns.stream().map(c -> fileCell(e, c)).toList());
            row.add(e.clientAddress());
            rows.add(row);
        }
        Tasks.create(() -> {
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write('\uFEFF'); // so spreadsheets read UTF-8 (Japanese names) correctly
                CsvWriter.write(w, header, rows);
            }
        }).describedAs(ui.text("activity.exporting")).onSuccess(v -> ui.status()
                .success(ui.text("activity.exported", rows.size(), file.getFileName()))).runOnce(ui.tasks());
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<ActivityEntry> entries() {
        return entries;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObjectProperty<Detail> detailProperty() {
        return detail;
    }
}
