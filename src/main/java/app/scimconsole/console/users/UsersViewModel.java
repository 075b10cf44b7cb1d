package app.scimconsole.console.users;

import app.scimconsole.admin.AdminApi.ActivityQuery;
import app.scimconsole.admin.AdminApi.Outcome;
import app.scimconsole.admin.AdminApi.UserDetail;
import app.scimconsole.admin.AdminApi.UserPage;
import app.scimconsole.admin.AdminApi.UserQuery;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.admin.AdminApi.UserStatus;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.common.CursorPager;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.HistoryTimeline;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.scim.ScimProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
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
 * total is the one the service counted for the query's first page. A sort the service refuses on a list this long
 * (one no index holds, {@link ScimProblem#SORT_NEEDS_NARROWER_LIST}) is not applied: the view goes back to the order
 * it shows, and a notice says why and how to narrow the list.
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
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.NONE);
    /** Why the last sort the owner chose was not applied, and what to do; empty when it was. */
    private final StringProperty sortNotice = new SimpleStringProperty("");
    /** The sort and cursor of the page shown, to go back to when another sort is refused. */
    private Sort shownSort = Sort.NONE;
    private String shownCursor;
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

    /** The order the service sorts by: an attribute (null: the service's own order) and its direction. */
    public record Sort(String attribute, boolean descending) {
        public static final Sort NONE = new Sort(null, false);
    }

    /** The query the view's criteria stand for now. */
    public UserQuery query() {
        String s = search.get() == null ? "" : search.get().strip();
        String d = domain.get() == null || domain.get().isBlank() ? null : domain.get();
        Sort by = sort.get();
        return new UserQuery(s.isEmpty() ? null : s, status.get(), d, by.attribute(), by.descending(), 1, PAGE_SIZE,
                pages.cursor());
    }

    /** A page, or the reason the service gave for not sorting the list as asked. */
    private record Answer(UserPage page, Reason sortRefused) {
    }

    private Answer read(UserQuery q) {
        try {
            return new Answer(api.get().users(q), null);
        } catch (AdminException e) {
            if (e.why() != null && ScimProblem.SORT_NEEDS_NARROWER_LIST.code().equals(e.why().code())) {
                return new Answer(null, e.why());
            }
            throw e;
        }
    }

    /** Reads the current page (again) in the background; only the newest query's answer is shown. */
    public void load() {
        long mine = ++generation;
        UserQuery q = query();
        Tasks.create(() -> read(q)).describedAs(ui.text("users.loading")).onSuccess(a -> {
            if (mine != generation) {
                return;
            }
            if (a.page() != null) {
                show(q, a.page());
            } else {
                sortRefused(q, a.sortRefused());
            }
        }).onError(message -> {
            if (mine == generation) {
                problem.set(message);
            }
        }).runOnce(ui.tasks());
    }

    /** Reads everything the view shows from the service again: the page, the domains to filter by, who was refused. */
    public void refresh() {
        load();
        loadDomains();
        loadRejected();
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

    private void show(UserQuery q, UserPage p) {
        shownSort = new Sort(q.sortBy(), q.descending());
        shownCursor = q.cursor();
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

    /**
     * The service refused to sort this list by {@code q}'s attribute, as it has more matches than such a sort is
     * offered on. A sort just chosen goes back to the order shown, whose rows stay; a list shown in that order that no
     * longer qualifies (it grew, or the criteria widened) is read again in the service's own order.
     */
    private void sortRefused(UserQuery q, Reason why) {
        String column = SortColumn.of(q.sortBy()).map(c -> ui.text(c.textKey())).orElse(q.sortBy());
        sortNotice.set(ui.text("users.sort.needsNarrowerList", column, limit(why)));
        Sort refused = new Sort(q.sortBy(), q.descending());
        if (!refused.equals(shownSort)) {
            sort.set(shownSort);
            pages.resume(shownCursor);
            return;
        }
        sort.set(Sort.NONE);
        reload();
    }

    /** The most matches the refused sort is offered on (the reason's second argument). */
    private static long limit(Reason why) {
        try {
            return Long.parseLong(why.args().get(1));
        } catch (RuntimeException notANumber) {
            return 0;
        }
    }

    /** Server-side sort by a SCIM attribute (null: the service's order), as the owner chose it. */
    public void sort(String attribute, boolean desc) {
        Sort wanted = new Sort(attribute, desc);
        if (wanted.equals(sort.get())) {
            return;
        }
        sortNotice.set("");
        sort.set(wanted);
        reload();
    }

    /** The order the view asks for; set back by the view model when the service refuses a sort. */
    public ReadOnlyObjectProperty<Sort> sortProperty() {
        return sort;
    }

    public StringProperty sortNoticeProperty() {
        return sortNotice;
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
