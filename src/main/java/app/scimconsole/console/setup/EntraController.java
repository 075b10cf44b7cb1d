package app.scimconsole.console.setup;

import app.scimconsole.console.common.I18n;
import app.scimconsole.console.setup.MappingsViewModel.Row;
import app.scimconsole.console.setup.MappingsViewModel.RowState;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/** Step 3's view: the exact clicks in Entra and the live mapping table of {@link MappingsViewModel}. */
public final class EntraController {
    @FXML
    private TableView<Row> mappingTable;
    @FXML
    private TableColumn<Row, String> entraColumn;
    @FXML
    private TableColumn<Row, String> scimColumn;
    @FXML
    private TableColumn<Row, String> usersColumn;
    @FXML
    private TableColumn<Row, Row> statusColumn;
    @FXML
    private Label summary;
    @FXML
    private HBox rejectedBox;
    @FXML
    private Label rejected;
    @FXML
    private CheckBox doneCheck;

    private final MappingsViewModel vm;
    private final SetupViewModel setup;
    private final I18n i18n;

    public EntraController(MappingsViewModel vm, SetupViewModel setup, I18n i18n) {
        this.vm = vm;
        this.setup = setup;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        mappingTable.setItems(vm.rows());
        mappingTable.setPlaceholder(new Label(""));
        entraColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().mapping().entraAttribute()));
        scimColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().mapping().scimAttribute()));
        scimColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("mono");
                if (!empty) {
                    getStyleClass().add("mono");
                    setTooltip(new javafx.scene.control.Tooltip(item));
                }
            }
        });
        usersColumn.setCellValueFactory(c -> c.getValue().countProperty());
        statusColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(c -> new StatusCell());

        summary.textProperty().bind(vm.summaryTextProperty());
        vm.summaryProperty().addListener((o, was, now) -> styleSummary(now));
        styleSummary(vm.summaryProperty().get());
        rejected.textProperty().bind(vm.rejectedTextProperty());
        rejectedBox.visibleProperty().bind(vm.rejectedTextProperty().isNotEmpty());
        rejectedBox.managedProperty().bind(vm.rejectedTextProperty().isNotEmpty());
        doneCheck.selectedProperty().bindBidirectional(setup.entraDoneProperty());
    }

    private void styleSummary(MappingsViewModel.Summary s) {
        summary.getStyleClass().removeAll("summary-ok", "summary-warn", "summary-waiting");
        summary.getStyleClass().add(switch (s) {
            case ALL_MAPPED -> "summary-ok";
            case SOME_MISSING -> "summary-warn";
            case WAITING -> "summary-waiting";
        });
    }

    /** Shows a row's state and note, and follows their changes (the table turns live). */
    private final class StatusCell extends TableCell<Row, Row> {
        private Row bound;
        private final javafx.beans.InvalidationListener refresh = o -> show();

        @Override
        protected void updateItem(Row item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bound.stateProperty().removeListener(refresh);
                bound.noteProperty().removeListener(refresh);
            }
            bound = empty ? null : item;
            if (bound != null) {
                bound.stateProperty().addListener(refresh);
                bound.noteProperty().addListener(refresh);
            }
            show();
        }

        private void show() {
            getStyleClass().removeAll("row-mapped", "row-partial", "row-missing", "row-waiting");
            if (bound == null) {
                setText(null);
                return;
            }
            RowState s = bound.stateProperty().get();
            String mark = switch (s) {
                case MAPPED -> "✓ ";
                case PARTIAL -> "◐ ";
                case MISSING -> "⚠ ";
                case WAITING -> "… ";
            };
            String label = i18n.text("status." + s.name().toLowerCase(java.util.Locale.ROOT));
            String note = bound.noteProperty().get();
            setText(mark + label + (note.isEmpty() ? "" : " — " + note));
            setWrapText(false);
            setTooltip(note.isEmpty() ? null : new javafx.scene.control.Tooltip(note));
            getStyleClass().add("row-" + s.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
