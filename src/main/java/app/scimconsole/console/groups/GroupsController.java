package app.scimconsole.console.groups;

import app.scimconsole.admin.AdminApi.GroupRow;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.console.common.CursorPager;
import app.scimconsole.console.common.I18n;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the Groups view to {@link GroupsViewModel}. */
public final class GroupsController {
    @FXML
    private TextField searchField;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label emptyLabel;
    @FXML
    private TableView<GroupRow> groupTable;
    @FXML
    private TableColumn<GroupRow, String> groupNameColumn;
    @FXML
    private TableColumn<GroupRow, Long> memberCountColumn;
    @FXML
    private TableColumn<GroupRow, String> groupChangedColumn;
    @FXML
    private Button groupPreviousButton;
    @FXML
    private Label groupPageLabel;
    @FXML
    private Button groupNextButton;
    @FXML
    private Label membersLabel;
    @FXML
    private TableView<UserRow> memberTable;
    @FXML
    private TableColumn<UserRow, String> memberNameColumn;
    @FXML
    private TableColumn<UserRow, String> memberUserNameColumn;
    @FXML
    private TableColumn<UserRow, String> memberStatusColumn;
    @FXML
    private Button memberPreviousButton;
    @FXML
    private Label memberPageLabel;
    @FXML
    private Button memberNextButton;

    private final GroupsViewModel vm;
    private final I18n i18n;

    public GroupsController(GroupsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        // "No groups" only once the service said so: while it starts, nothing was read yet.
        emptyLabel.visibleProperty().bind(vm.summaryProperty().isNotEmpty());
        groupNameColumn.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().displayName()));
        memberCountColumn.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().memberCount()));
        groupChangedColumn.setCellValueFactory(f -> new ReadOnlyStringWrapper(vm.time(f.getValue().lastModified())));
        groupTable.setItems(vm.groups());
        groupTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty().set(now));
        membersLabel.textProperty().bind(vm.membersSummaryProperty());
        memberNameColumn.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().displayName()));
        memberUserNameColumn.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().userName()));
        memberStatusColumn.setCellValueFactory(f -> new ReadOnlyStringWrapper(
                i18n.text(f.getValue().active() ? "users.status.active" : "users.status.suspended")));
        memberTable.setItems(vm.members());
        paging(vm.groupPages(), groupPreviousButton, groupPageLabel, groupNextButton);
        paging(vm.memberPages(), memberPreviousButton, memberPageLabel, memberNextButton);
    }

    private static void paging(CursorPager pages, Button previous, Label label, Button next) {
        label.textProperty().bind(pages.labelProperty());
        previous.disableProperty().bind(pages.hasPreviousProperty().not());
        next.disableProperty().bind(pages.hasNextProperty().not());
    }

    @FXML
    private void previous() {
        vm.previous();
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void previousMembers() {
        vm.previousMembers();
    }

    @FXML
    private void nextMembers() {
        vm.nextMembers();
    }
}
