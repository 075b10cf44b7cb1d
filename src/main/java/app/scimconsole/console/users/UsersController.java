package app.scimconsole.console.users;

import app.scimconsole.admin.AdminApi.UserDetail;
import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.admin.AdminApi.UserStatus;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.TooltipCell;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.users.UsersViewModel.RejectedRow;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds the Users view to {@link UsersViewModel}; the table's sorting is the service's. */
public final class UsersController {
    private static final String ALL_DOMAINS = "";

    @FXML
    private TextField searchField;
    @FXML
    private ComboBox<UserStatus> statusBox;
    @FXML
    private ComboBox<String> domainBox;
    @FXML
    private Label problemLabel;
    @FXML
    private Label sortNoticeLabel;
    @FXML
    private TitledPane rejectedPane;
    @FXML
    private ListView<RejectedRow> rejectedList;
    @FXML
    private TableView<UserRow> table;
    @FXML
    private TableColumn<UserRow, String> nameColumn;
    @FXML
    private TableColumn<UserRow, String> userNameColumn;
    @FXML
    private TableColumn<UserRow, String> emailColumn;
    @FXML
    private TableColumn<UserRow, String> titleColumn;
    @FXML
    private TableColumn<UserRow, String> departmentColumn;
    @FXML
    private TableColumn<UserRow, String> statusColumn;
    @FXML
    private TableColumn<UserRow, String> groupsColumn;
    @FXML
    private TableColumn<UserRow, String> changedColumn;
    @FXML
    private Button previousButton;
    @FXML
    private Button nextButton;
    @FXML
    private Label pageLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label emptyLabel;
    @FXML
    private VBox detailPane;
    @FXML
    private Label detailEmpty;

    private final UsersViewModel vm;
    private final I18n i18n;
    private Map<TableColumn<UserRow, String>, SortColumn> sortColumns;
    /** {@link #sortColumns} the other way round: the header that shows a sort. */
    private Map<SortColumn, TableColumn<UserRow, String>> columnsBySort;
    /** The selected user's detail, built when a user is first selected (null until then). */
    private UserDetailController detail;

    public UsersController(UsersViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(vm.searchProperty());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
            }
        });
        statusBox.getItems().setAll(UserStatus.values());
        statusBox.valueProperty().bindBidirectional(vm.statusProperty());
        statusBox.setCellFactory(l -> new StatusCell());
        statusBox.setButtonCell(new StatusCell());
        domainBox.getItems().setAll(ALL_DOMAINS);
        vm.domains().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = domainBox.getValue();
            domainBox.getItems().setAll(ALL_DOMAINS);
            domainBox.getItems().addAll(vm.domains());
            domainBox.setValue(keep);
        });
        domainBox.setValue(ALL_DOMAINS);
        domainBox.setCellFactory(l -> new DomainCell());
        domainBox.setButtonCell(new DomainCell());
        domainBox.valueProperty().addListener((o, was, now) -> vm.domainProperty().set(now == null ? "" : now));

        Views.showsText(problemLabel, vm.problemProperty());
        Views.showsText(sortNoticeLabel, vm.sortNoticeProperty());

        column(nameColumn, UserRow::displayName);
        column(userNameColumn, UserRow::userName);
        column(emailColumn, UserRow::email);
        column(titleColumn, UserRow::title);
        column(departmentColumn, UserRow::department);
        column(statusColumn, vm::statusText);
        statusColumn.setCellFactory(c -> new StatusBadgeCell());
        column(groupsColumn, r -> String.join(", ", r.groups()));
        column(changedColumn, vm::lastChange);
        sortColumns = Map.of(nameColumn, SortColumn.NAME, userNameColumn, SortColumn.USER_NAME, emailColumn,
                SortColumn.EMAIL, titleColumn, SortColumn.TITLE, departmentColumn, SortColumn.DEPARTMENT, statusColumn,
                SortColumn.STATUS, changedColumn, SortColumn.LAST_CHANGE);
        columnsBySort = new EnumMap<>(SortColumn.class);
        sortColumns.forEach((column, sortColumn) -> columnsBySort.put(sortColumn, column));
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                vm.sort(null, false);
            } else {
                TableColumn<UserRow, ?> c = t.getSortOrder().get(0);
                vm.sort(sortColumns.get(c).attribute(), c.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true; // the rows come sorted from the service
        });
        vm.sortProperty().addListener((o, was, now) -> showSort(now));
        table.setItems(vm.rows());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(UserRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean user = !empty && item != null;
                Views.styleClass(this, "row-suspended", user && !item.active());
                Views.styleClass(this, "row-no-sign-in", user && !item.canSignIn());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                detail(); // its place is laid out while the user's detail is read
            }
            vm.select(now);
        });

        vm.rows().addListener((javafx.collections.ListChangeListener<UserRow>) c -> showPaging());
        vm.pageProperty().addListener((o, was, now) -> showPaging());
        vm.totalProperty().addListener((o, was, now) -> showPaging());
        vm.hasNextProperty().addListener((o, was, now) -> showPaging());
        vm.hasPreviousProperty().addListener((o, was, now) -> showPaging());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        // "No users match" only once the service said so: while it starts, nothing was read yet.
        emptyLabel.visibleProperty().bind(vm.summaryProperty().isNotEmpty());
        showPaging();

        rejectedPane.textProperty().bind(vm.rejectedTitleProperty());
        Views.shownWhen(rejectedPane, vm.rejectedTitleProperty().isNotEmpty());
        rejectedList.setItems(vm.rejected());
        rejectedList.setCellFactory(l -> new RejectedCell());

        vm.detailProperty().addListener((o, was, now) -> showDetail(now));
        showDetail(null);
    }

    /** The header's sort arrow as the view model's order (which it sets back when the service refuses a sort). */
    private void showSort(UsersViewModel.Sort sort) {
        TableColumn<UserRow, String> wanted = SortColumn.of(sort.attribute()).map(columnsBySort::get).orElse(null);
        TableColumn.SortType type = sort.descending() ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING;
        if (wanted == null) {
            table.getSortOrder().clear();
        } else if (!table.getSortOrder().equals(java.util.List.of(wanted)) || wanted.getSortType() != type) {
            wanted.setSortType(type);
            table.getSortOrder().setAll(java.util.List.of(wanted));
        }
    }

    private void column(TableColumn<UserRow, String> c, Function<UserRow, String> value) {
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setCellFactory(x -> new TooltipCell<>());
    }

    private void showPaging() {
        int pages = vm.pageCount();
        int p = vm.pageProperty().get();
        pageLabel.setText(i18n.text("users.page", p + 1, pages));
        previousButton.setDisable(!vm.hasPreviousProperty().get());
        nextButton.setDisable(!vm.hasNextProperty().get());
    }

    private void showDetail(UserDetail d) {
        Views.shown(detailEmpty, d == null);
        if (d != null || detail != null) {
            detail().show(d);
        }
    }

    private UserDetailController detail() {
        if (detail == null) {
            detail = new UserDetailController(vm, i18n);
            detailPane.getChildren().add(Views.load("users/UserDetail.fxml", detail, i18n));
        }
        return detail;
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    @FXML
    private void previous() {
        vm.previous();
    }

    @FXML
    private void next() {
        vm.next();
    }

    /** The status as a badge with its word, coloured as the detail pane's (not only the row's italics). */
    private static final class StatusBadgeCell extends TableCell<UserRow, String> {
        private final Label badge = new Label();

        StatusBadgeCell() {
            badge.getStyleClass().add("status-pill");
            badge.setMinWidth(Label.USE_PREF_SIZE);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            UserRow row = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
            if (row == null || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            badge.setText(item);
            Views.styleClass(badge, "status-verified", row.active());
            Views.styleClass(badge, "status-lost", !row.active());
            setText(item); // read aloud and found by lookups; the badge shows it
            setGraphic(badge);
        }
    }

    /** One refused person: the user name and when, the whole reason, what fixes it. */
    private static final class RejectedCell extends ListCell<RejectedRow> {
        private final Label name = new Label();
        private final Label when = new Label();
        private final Label reason = new Label();
        private final Label fix = new Label();
        private final VBox box;

        RejectedCell() {
            name.getStyleClass().add("mono");
            when.getStyleClass().add("hint");
            reason.setWrapText(true);
            fix.setWrapText(true);
            fix.getStyleClass().add("rejected-fix");
            HBox head = new HBox(10, name, when);
            head.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
            box = new VBox(2, head, reason, fix);
            box.getStyleClass().add("rejected-person");
            setPrefWidth(0); // wrap to the list's width rather than widen it
        }

        @Override
        protected void updateItem(RejectedRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(item.userName());
            when.setText(item.when());
            reason.setText(item.reason());
            fix.setText(item.fix());
            Views.shown(fix, item.fix() != null);
            setText(null);
            setGraphic(box);
            setAccessibleText(item.userName() + ": " + item.reason());
        }
    }

    private final class StatusCell extends ListCell<UserStatus> {
        @Override
        protected void updateItem(UserStatus item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : i18n.text("users.filter." + item.name().toLowerCase()));
        }
    }

    private final class DomainCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.isEmpty() ? i18n.text("users.allDomains") : item);
        }
    }
}
