package app.scimconsole.console.activity;

import app.scimconsole.admin.AdminApi.ActivityEntry;
import app.scimconsole.admin.AdminApi.Outcome;
import app.scimconsole.console.activity.ActivityViewModel.Column;
import app.scimconsole.console.common.I18n;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
        textField.textProperty().bindBidirectional(vm.textProperty());
        outcomeBox.getItems().setAll(Outcome.values());
        outcomeBox.valueProperty().bindBidirectional(vm.outcomeProperty());
        outcomeBox.setCellFactory(l -> new OutcomeCell());
        outcomeBox.setButtonCell(new OutcomeCell());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        problemLabel.textProperty().bind(vm.problemProperty());
        problemLabel.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(vm.problemProperty().isNotEmpty());
        int[] widths = {130, 90, 80, 200, 90, 420};
        for (Column c : Column.values()) {
            TableColumn<ActivityEntry, String> col = new TableColumn<>(vm.header(c));
            col.setId("activity-" + c.name().toLowerCase());
            col.setUserData(c);
            col.setPrefWidth(widths[c.ordinal()]);
            col.setSortable(false); // newest first, as the service gives it
            col.setCellValueFactory(f -> new ReadOnlyStringWrapper(vm.cell(f.getValue(), c)));
            table.getColumns().add(col);
        }
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
        exportButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getItems()));
    }

    /** The visible columns, in the table's order: what the export writes. */
    List<Column> visibleColumns() {
        return table.getColumns().stream().filter(TableColumn::isVisible).map(c -> (Column) c.getUserData()).toList();
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
