package app.scimconsole.console.activity;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi.Outcome;
import app.scimconsole.console.activity.ActivityViewModel.Column;
import app.scimconsole.console.activity.ActivityViewModel.Detail;
import app.scimconsole.console.common.CopyFeedback;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.TooltipCell;
import app.scimconsole.console.common.Views;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Binds the Activity view to {@link ActivityViewModel}; the export asks where to save with a FileChooser. */
public final class ActivityController {
    @FXML
    private TextField textField;
    @FXML
    private ComboBox<Outcome> outcomeBox;
    @FXML
    private Label summaryLabel;
    @FXML
    private Label problemLabel;
    @FXML
    private Button exportButton;
    @FXML
    private TableView<ActivityEntry> table;
    @FXML
    private Label detailEmpty;
    @FXML
    private VBox detailBox;
    @FXML
    private Label detailOutcome;
    @FXML
    private Label detailTitle;
    @FXML
    private Label detailTime;
    @FXML
    private Button copyButton;
    @FXML
    private TextField detailUser;
    @FXML
    private TextField detailResourceId;
    @FXML
    private TextField detailClientAddress;
    @FXML
    private TextArea detailReason;
    @FXML
    private Label detailFixLabel;
    @FXML
    private TextArea detailFix;
    @FXML
    private Label detailRetry;
    @FXML
    private Label detailChangesLabel;
    @FXML
    private Label detailChanges;

    private final ActivityViewModel vm;
    private final I18n i18n;
    private final Function<FileChooser, File> saveDialog;

    public ActivityController(ActivityViewModel vm, I18n i18n, Function<FileChooser, File> saveDialog) {
        this.vm = vm;
        this.i18n = i18n;
        this.saveDialog = saveDialog;
    }

    @FXML
    private void initialize() {
        CopyFeedback.reserveRoom(copyButton, i18n);
        textField.textProperty().bindBidirectional(vm.textProperty());
        outcomeBox.getItems().setAll(Outcome.values());
        outcomeBox.valueProperty().bindBidirectional(vm.outcomeProperty());
        outcomeBox.setCellFactory(l -> new OutcomeCell());
        outcomeBox.setButtonCell(new OutcomeCell());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        Views.showsText(problemLabel, vm.problemProperty());
        int[] widths = {170, 110, 95, 180, 85, 250};
        for (Column c : Column.values()) {
            TableColumn<ActivityEntry, String> col = new TableColumn<>(vm.header(c));
            col.setId("activity-" + c.name().toLowerCase());
            col.setUserData(c);
            col.setPrefWidth(widths[c.ordinal()]);
            col.setMinWidth(c == Column.DETAIL || c == Column.USER_NAME ? 120 : widths[c.ordinal()]);
            col.setSortable(false); // newest first, as the service gives it
            col.setCellValueFactory(f -> new ReadOnlyStringWrapper(vm.cell(f.getValue(), c)));
            col.setCellFactory(x -> new TooltipCell<>());
            table.getColumns().add(col);
        }
        // the columns fill the width; Detail takes what is left (its whole text is in its tooltip and the pane below)
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(vm.entries());
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ActivityEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("row-rejected");
                if (!empty && item != null && "rejected".equals(item.outcome())) {
                    getStyleClass().add("row-rejected");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null || vm.indexOfShown() < 0) {
                vm.select(now);
            }
        });
        table.getItems().addListener((ListChangeListener<ActivityEntry>) c -> {
            int keep = vm.indexOfShown(); // new entries arrived: the one being read stays chosen
            if (keep >= 0) {
                table.getSelectionModel().select(keep);
            } else {
                vm.select(null);
            }
        });
        vm.detailProperty().addListener((o, was, now) -> showDetail(now));
        showDetail(null);
        exportButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getItems()));
    }

    /** The visible columns, in the table's order: what the export writes. */
    List<Column> visibleColumns() {
        return table.getColumns().stream().filter(TableColumn::isVisible).map(c -> (Column) c.getUserData()).toList();
    }

    private void showDetail(Detail d) {
        boolean has = d != null;
        Views.shown(detailEmpty, !has);
        Views.shown(detailBox, has);
        if (!has) {
            return;
        }
        detailOutcome.setText(d.outcome());
        detailOutcome.getStyleClass().removeAll("status-verified", "status-error");
        detailOutcome.getStyleClass().add(d.rejected() ? "status-error" : "status-verified");
        detailTitle.setText(d.title());
        detailTime.setText(d.time());
        detailUser.setText(d.userName());
        detailResourceId.setText(d.resourceId());
        detailClientAddress.setText(d.clientAddress());
        detailReason.setText(d.reason());
        boolean fix = d.fix() != null;
        detailFix.setText(fix ? d.fix() : "");
        for (javafx.scene.Node n : new javafx.scene.Node[] {detailFix, detailFixLabel}) {
            Views.shown(n, fix);
        }
        boolean changed = d.changes() != null;
        detailChanges.setText(changed ? d.changes() : "");
        for (javafx.scene.Node n : new javafx.scene.Node[] {detailChanges, detailChangesLabel}) {
            Views.shown(n, changed);
        }
        detailRetry.setText(d.retry());
        Views.shown(detailRetry, d.retry() != null);
    }

    @FXML
    private void copyDetails() {
        if (vm.copyShown()) {
            CopyFeedback.on(copyButton, i18n);
        }
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("activity.export.title"));
        chooser.setInitialFileName("scim-activity.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(i18n.text("activity.export.filter"), "*.csv"));
        File f = saveDialog.apply(chooser);
        if (f != null) {
            vm.export(f.toPath(), List.copyOf(table.getItems()), visibleColumns());
        }
    }

    private final class OutcomeCell extends ListCell<Outcome> {
        @Override
        protected void updateItem(Outcome item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : i18n.text("activity.filter." + item.name().toLowerCase()));
        }
    }
}
