package app.scimconsole.console.groups;

import app.scimconsole.admin.AdminApi.GroupQuery;
import app.scimconsole.admin.AdminApi.GroupRow;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.CursorPager;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Groups view: one page of groups at a time with their member counts (searchable), and one page of the selected
 * group's members; Previous and Next follow each list's cursors, so a directory of ten thousand groups, or a group of
 * a hundred thousand members, is read a hundred rows at a time.
 */
public final class GroupsViewModel {
    public static final int PAGE_SIZE = 100;

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<UserRow> members = FXCollections.observableArrayList();
    private final ObjectProperty<GroupRow> selected = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty membersSummary = new SimpleStringProperty("");
    private final CursorPager groupPages;
    private final CursorPager memberPages;
    private long generation;
    private long memberGeneration;
    private Scheduler.Cancellable pending;

    public GroupsViewModel(UiKit ui, Supplier<AdminApi> api) {
        this.ui = ui;
        this.api = api;
        groupPages = new CursorPager(PAGE_SIZE, (n, of) -> ui.text("users.page", n, of));
        memberPages = new CursorPager(PAGE_SIZE, (n, of) -> ui.text("users.page", n, of));
        search.addListener((o, was, now) -> {
            if (pending != null) {
                pending.cancel();
            }
            pending = ui.scheduler().after(Duration.ofMillis(250), this::reload);
        });
        selected.addListener((o, was, now) -> {
            memberPages.first();
            loadMembers();
        });
        membersSummary.set(ui.text("groups.pick"));
    }

    /** Back to the first page of groups with the current search. */
    public void reload() {
        groupPages.first();
        load();
    }

    /** Reads the shown page of groups (again) in the background; only the newest query's answer is shown. */
    public void load() {
        long mine = ++generation;
        String s = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        GroupQuery q = new GroupQuery(s, 1, PAGE_SIZE, groupPages.cursor());
        Tasks.create(() -> api.get().groups(q)).describedAs(ui.text("groups.loading")).onSuccess(p -> {
            if (mine != generation) {
                return;
            }
            groups.setAll(p.groups());
            groupPages.shown(p.startIndex(), p.totalResults(), false, p.nextCursor(), p.previousCursor());
            long first = p.startIndex();
            long last = first + p.groups().size() - 1;
            // The total was counted on the first page; groups added since may carry the last row past it.
            summary.set(p.totalResults() == 0 && p.groups().isEmpty() ? ui.text("groups.none")
                    : ui.text("groups.showing", first, last, Math.max(last, p.totalResults())));
        }).runOnce(ui.tasks());
    }

    /** The page of groups after the shown one, if there is one. */
    public void next() {
        if (groupPages.toNext()) {
            load();
        }
    }

    /** The page of groups before the shown one, if there is one. */
    public void previous() {
        if (groupPages.toPrevious()) {
            load();
        }
    }

    /** The page of the selected group's members after the shown one, if there is one. */
    public void nextMembers() {
        if (memberPages.toNext()) {
            loadMembers();
        }
    }

    /** The page of the selected group's members before the shown one, if there is one. */
    public void previousMembers() {
        if (memberPages.toPrevious()) {
            loadMembers();
        }
    }

    private void loadMembers() {
        long mine = ++memberGeneration;
        GroupRow g = selected.get();
        if (g == null) {
            members.clear();
            memberPages.shown(1, 0, false, null, null);
            membersSummary.set(ui.text("groups.pick"));
            return;
        }
        String cursor = memberPages.cursor();
        Tasks.create(() -> api.get().groupMembers(g.id(), 1, PAGE_SIZE, cursor)).quiet().onSuccess(p -> {
            if (mine == memberGeneration) {
                members.setAll(p.users());
                memberPages.shown(p.startIndex(), p.totalResults(), false, p.nextCursor(), p.previousCursor());
                membersSummary.set(ui.text("groups.members", g.displayName(), p.totalResults()));
            }
        }).runOnce(ui.tasks());
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The shown page of groups (at most {@link #PAGE_SIZE}). */
    public ObservableList<GroupRow> groups() {
        return groups;
    }

    /** The shown page of the selected group's members (at most {@link #PAGE_SIZE}). */
    public ObservableList<UserRow> members() {
        return members;
    }

    public ObjectProperty<GroupRow> selectedProperty() {
        return selected;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty membersSummaryProperty() {
        return membersSummary;
    }

    public CursorPager groupPages() {
        return groupPages;
    }

    public CursorPager memberPages() {
        return memberPages;
    }

    public String time(java.time.Instant t) {
        return ui.texts().time(t);
    }
}
