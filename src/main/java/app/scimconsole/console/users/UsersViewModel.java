package app.scimconsole.console.users;

import app.scimconsole.admin.AdminApi.ActivityQuery;
import app.scimconsole.admin.AdminApi.Outcome;
import app.scimconsole.admin.AdminApi.UserDetail;
import app.scimconsole.admin.AdminApi.UserPage;
import app.scimconsole.admin.AdminApi.UserQuery;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.admin.AdminApi.UserStatus;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.CursorPager;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.HistoryTimeline;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Users view: one page of users at a time from the admin API (never the whole directory), searched as the owner
 * types (debounced; an answer to an older query is dropped), filtered by status and domain, sorted by the service.
 * Next and previous follow the page's cursors (keyset pages: as quick deep in a million users as at the top); the
 * total is the one the service counted for the query's first page.
 */
public final class UsersViewModel {
    public static final int PAGE_SIZE = 100;
    /** The History tab shows this many of the user's latest entries. */
    public static final int HISTORY_ENTRIES = 200;
    public static final Duration DEBOUNCE = Duration.ofMillis(250);
    /** Entra deletes a user this long after it suspended (soft-deleted) it. */
    public static final Duration DELETION_AFTER = Duration.ofDays(30);

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<UserStatus> status = new SimpleObjectProperty<>(UserStatus.ANY);
    private final StringProperty domain = new SimpleStringProperty("");
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObservableList<UserRow> rows = FXCollections.observableArrayList();
    private final LongProperty total = new SimpleLongProperty();
    private final CursorPager pages;
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObjectProperty<UserDetail> detail = new SimpleObjectProperty<>();
    /** The chosen user's attribute history, as lines, newest first ({@link HistoryTimeline}). */
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<RejectedRow> rejected = FXCollections.observableArrayList();
    private final StringProperty rejectedTitle = new SimpleStringProperty("");
    private String sortBy;
    private boolean descending;
    private long generation;
    private long detailGeneration;
    private Scheduler.Cancellable pending;

    public UsersViewModel(UiKit ui, Supplier<AdminApi> api) {
        this.ui = ui;
        this.api = api;
        pages = new CursorPager(PAGE_SIZE, (n, of) -> ui.text("users.page", n, of));
        search.addListener((o, was, now) -> debounce());
        status.addListener((o, was, now) -> reload());
        domain.addListener((o, was, now) -> reload());
    }

    private void debounce() {
        if (pending != null) {
            pending.cancel();
        }
        pending = ui.scheduler().after(DEBOUNCE, () -> {
            pending = null;
            reload();
        });
    }

    /** Back to the first page with the current criteria. */
    public void reload() {
        pages.first();
        load();
    }

    /** The page after the shown one, if there is one. */
    public void next() {
        if (pages.toNext()) {
            load();
        }
    }

    /** The page before the shown one, if there is one. */
    public void previous() {
        if (pages.toPrevious()) {
            load();
        }
    }

    /** The query the view's criteria stand for now. */
    public UserQuery query() {
        String s = search.get() == null ? "" : search.get().strip();
        String d = domain.get() == null || domain.get().isBlank() ? null : domain.get();
        return new UserQuery(s.isEmpty() ? null : s, status.get(), d, sortBy, descending, 1, PAGE_SIZE, pages.cursor());
    }

    /** Reads the current page (again) in the background; only the newest query's answer is shown. */
    public void load() {
        long mine = ++generation;
        UserQuery q = query();
        Tasks.create(() -> api.get().users(q)).describedAs(ui.text("users.loading")).onSuccess(p -> {
            if (mine == generation) {
                show(p);
            }
        }).onError(message -> {
            if (mine == generation) {
                problem.set(message);
            }
        }).runOnce(ui.tasks());
    }

    /** Reads the domains for the filter (the service's registered ones). */
    public void loadDomains() {
        Tasks.create(() -> api.get().domains()).quiet().onSuccess(list -> {
            List<String> names = list.stream().map(AdminApi.DomainEntry::domain).sorted().toList();
            if (!names.equals(domains)) {
                domains.setAll(names);
            }
        }).onError(m -> { }).runOnce(ui.tasks());
    }

    /**
     * A person the service refused, as the view tells it: the user name, when Entra last tried, the whole reason and
     * what fixes it (null when no fix is known).
     */
    public record RejectedRow(String userName, String when, String reason, String fix) {
    }

    /** Reads who was refused from the activity log in the background ({@link RejectedPeople}). */
    public void loadRejected() {
        ActivityQuery q = new ActivityQuery(Outcome.ANY, null, RejectedPeople.LOG_ENTRIES);
        Tasks.create(() -> RejectedPeople.from(api.get().activity(q))).quiet().onSuccess(list -> {
            List<RejectedRow> now = list.stream().map(this::rejectedRow).toList();
            if (!now.equals(rejected)) {
                rejected.setAll(now);
            }
            rejectedTitle.set(now.isEmpty() ? "" : ui.text("users.rejected.title", now.size()));
        }).onError(m -> { }).runOnce(ui.tasks());
    }

    private RejectedRow rejectedRow(RejectedPeople.Rejected r) {
        String reason = r.reason() == null ? r.detail() : ui.reasons().text(r.reason());
        String fix = r.reason() == null ? null : ui.reasons().fix(r.reason());
        return new RejectedRow(r.userName(), ui.text("users.rejected.when", ui.texts().time(r.time())), reason,
                fix == null ? null : ui.text("users.rejected.fix", fix));
    }

    private void show(UserPage p) {
        problem.set("");
        rows.setAll(p.users());
        pages.shown(p.startIndex(), p.totalResults(), p.moreThanTotal(), p.nextCursor(), p.previousCursor());
        total.set(p.totalResults());
        if (p.totalResults() == 0) {
            summary.set(ui.text("users.none"));
        } else {
            long first = p.startIndex();
            long last = first + p.users().size() - 1;
            // The total was counted on the first page; users added since may carry the last row past it.
            summary.set(ui.text(p.moreThanTotal() ? "users.showingMore" : "users.showing", first, last,
                    Math.max(last, p.totalResults())));
        }
    }

    /** Server-side sort by a SCIM attribute (null: the service's order). */
    public void sort(String attribute, boolean desc) {
        if (java.util.Objects.equals(attribute, sortBy) && desc == descending) {
            return;
        }
        sortBy = attribute;
        descending = desc;
        reload();
    }

    /**
     * The pages the total fills, and one more while the service has not counted every match; at least the shown
     * page and, when the service offers a next one, that one too (the total may be older than the list).
     */
    public int pageCount() {
        return pages.pageCount();
    }

    /** Loads the chosen user's full record for the detail pane, and its attribute history for the History tab. */
    public void select(UserRow row) {
        long mine = ++detailGeneration;
        history.clear();
        if (row == null) {
            detail.set(null);
            return;
        }
        Tasks.create(() -> api.get().user(row.id())).quiet().onSuccess(d -> {
            if (mine == detailGeneration) {
                detail.set(d);
            }
        }).onError(message -> {
            if (mine == detailGeneration) {
                ui.status().error(message);
            }
        }).runOnce(ui.tasks());
        HistoryTimeline timeline = new HistoryTimeline(ui.i18n(), ui.texts());
        Tasks.create(() -> timeline.lines(api.get().history(row.id(), HISTORY_ENTRIES))).quiet().onSuccess(lines -> {
            if (mine == detailGeneration) {
                history.setAll(lines);
            }
        }).runOnce(ui.tasks());
    }

    public ObservableList<String> history() {
        return history;
    }

    /** "Suspended since …; Entra deletes … after 30 days (around …)", or null for an active user. */
    public String suspension(UserDetail d) {
        if (d == null || d.row().active()) {
            return null;
        }
        Instant now = ui.clock().instant();
        if (d.suspendedSince() == null) {
            return ui.text("users.suspendedUnknown");
        }
        Instant deletion = d.suspendedSince().plus(DELETION_AFTER);
        return ui.text("users.suspendedSince", ui.texts().time(d.suspendedSince()),
                ui.texts().ago(d.suspendedSince(), now), ui.texts().time(deletion));
    }

    public String statusText(UserRow r) {
        return ui.text(r.active() ? "users.status.active" : "users.status.suspended");
    }

    public String time(Instant t) {
        return ui.texts().time(t);
    }

    public String lastChange(UserRow r) {
        return ui.texts().time(r.lastModified());
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<UserStatus> statusProperty() {
        return status;
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public ObservableList<String> domains() {
        return domains;
    }

    public ObservableList<UserRow> rows() {
        return rows;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ReadOnlyIntegerProperty pageProperty() {
        return pages.pageProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return pages.hasNextProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return pages.hasPreviousProperty();
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObjectProperty<UserDetail> detailProperty() {
        return detail;
    }

    public ObservableList<RejectedRow> rejected() {
        return rejected;
    }

    public StringProperty rejectedTitleProperty() {
        return rejectedTitle;
    }
}
