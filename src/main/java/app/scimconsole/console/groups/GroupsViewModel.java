package app.scimconsole.console.groups;

import app.scimconsole.admin.AdminApi.GroupRow;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.admin.AdminApi;
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

/** The Groups view: the groups with their member counts (searchable), and the members of the selected one. */
public final class GroupsViewModel {
    public static final int LIMIT = 500;

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final ObservableList<UserRow> members = FXCollections.observableArrayList();
    private final ObjectProperty<GroupRow> selected = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty membersSummary = new SimpleStringProperty("");
    private long generation;
    private long memberGeneration;
    private Scheduler.Cancellable pending;

    public GroupsViewModel(UiKit ui, Supplier<AdminApi> api) {
        this.ui = ui;
        this.api = api;
        search.addListener((o, was, now) -> {
            if (pending != null) {
                pending.cancel();
            }
            pending = ui.scheduler().after(Duration.ofMillis(250), this::load);
        });
        selected.addListener((o, was, now) -> loadMembers(now));
        membersSummary.set(ui.text("groups.pick"));
    }

    public void load() {
        long mine = ++generation;
        String s = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        Tasks.create(() -> api.get().groups(s, 1, LIMIT)).describedAs(ui.text("groups.loading")).onSuccess(p -> {
            if (mine != generation) {
                return;
            }
            groups.setAll(p.groups());
            summary.set(p.totalResults() == 0 ? ui.text("groups.none")
                    : ui.text("groups.showing", p.groups().size(), p.totalResults()));
        }).runOnce(ui.tasks());
    }

    private void loadMembers(GroupRow g) {
        long mine = ++memberGeneration;
        if (g == null) {
            members.clear();
            membersSummary.set(ui.text("groups.pick"));
            return;
        }
        Tasks.create(() -> api.get().groupMembers(g.id(), 1, LIMIT)).quiet().onSuccess(p -> {
            if (mine == memberGeneration) {
                members.setAll(p.users());
                membersSummary.set(ui.text("groups.members", g.displayName(), p.totalResults()));
            }
        }).runOnce(ui.tasks());
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<GroupRow> groups() {
        return groups;
    }

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

    public String time(java.time.Instant t) {
        return ui.texts().time(t);
    }
}
