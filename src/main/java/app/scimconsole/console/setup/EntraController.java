package app.scimconsole.console.setup;

import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.setup.MappingsViewModel.Note;
import app.scimconsole.console.setup.MappingsViewModel.Row;
import app.scimconsole.console.setup.MappingsViewModel.RowState;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 3's view: the exact clicks in Entra and the live mapping table of {@link MappingsViewModel}. */
public final class EntraController {
    @FXML
    private TableView<Row> mappingTable;
    @FXML
    private TableColumn<Row, Row> mappingColumn;
    @FXML
    private TableColumn<Row, String> usersColumn;
    @FXML
    private TableColumn<Row, Row> statusColumn;
    @FXML
    private VBox notes;
    @FXML
    private Label summary;
    @FXML
    private HBox rejectedBox;
    @FXML
    private Label rejected;
    @FXML
    private CheckBox doneCheck;
    @FXML
    private Label credentialsClick;

    private final MappingsViewModel vm;
    private final SetupViewModel setup;
    private final javafx.beans.value.ObservableValue<CredentialMethod> method;
    private final I18n i18n;

    /** {@code method}: how Entra authenticates, as chosen in step 2; the credentials click says what to pick and paste. */
    public EntraController(MappingsViewModel vm, SetupViewModel setup,
            javafx.beans.value.ObservableValue<CredentialMethod> method, I18n i18n) {
        this.vm = vm;
        this.setup = setup;
        this.method = method;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        mappingTable.setItems(vm.rows());
        mappingTable.setPlaceholder(new Label(""));
        mappingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        mappingColumn.setCellFactory(c -> new MappingCell());
        usersColumn.setCellValueFactory(c -> c.getValue().countProperty());
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(c -> new StatusCell());

        vm.notes().addListener((ListChangeListener<Note>) c -> showNotes());
        showNotes();
        summary.textProperty().bind(vm.summaryTextProperty());
        vm.summaryProperty().addListener((o, was, now) -> styleSummary(now));
        styleSummary(vm.summaryProperty().get());
        rejected.textProperty().bind(vm.rejectedTextProperty());
        Views.shownWhen(rejectedBox, vm.rejectedTextProperty().isNotEmpty());
        doneCheck.selectedProperty().bindBidirectional(setup.entraDoneProperty());
        credentialsClick.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.text(method.getValue().entraStepKey()), method));
    }

    private void showNotes() {
        notes.getChildren().setAll(vm.notes().stream().map(n -> {
            Label l = new Label((n.state() == RowState.MISSING ? "⚠ " : "◐ ") + n.text());
            l.setWrapText(true);
            l.getStyleClass().addAll("mapping-note", "row-" + n.state().name().toLowerCase(Locale.ROOT));
            return l;
        }).toList());
        Views.shown(notes, !vm.notes().isEmpty());
    }

    private void styleSummary(MappingsViewModel.Summary s) {
        summary.getStyleClass().removeAll("summary-ok", "summary-warn", "summary-waiting");
        summary.getStyleClass().add(switch (s) {
            case ALL_MAPPED -> "summary-ok";
            case SOME_MISSING -> "summary-warn";
            case WAITING -> "summary-waiting";
        });
    }

    /** "userPrincipalName →" over the SCIM attribute in small type. */
    private static final class MappingCell extends TableCell<Row, Row> {
        private final Label entra = new Label();
        private final Label scim = new Label();
        private final VBox box = new VBox(1, entra, scim);

        MappingCell() {
            entra.getStyleClass().add("mapping-entra");
            scim.getStyleClass().addAll("mapping-scim", "mono");
            scim.setMinWidth(0);
        }

        @Override
        protected void updateItem(Row item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            entra.setText(item.mapping().entraAttribute() + " →");
            scim.setText(item.mapping().scimAttribute());
            scim.setTooltip(new Tooltip(item.mapping().scimAttribute()));
            setGraphic(box);
            setAccessibleText(item.mapping().entraAttribute() + " → " + item.mapping().scimAttribute());
        }
    }

    /** The row's state, following its changes (the table turns live). */
    private final class StatusCell extends TableCell<Row, Row> {
        private final InvalidationListener refresh = o -> show();
        private Row bound;

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
                setTooltip(null);
                return;
            }
            RowState s = bound.stateProperty().get();
            String mark = switch (s) {
                case MAPPED -> "✓ ";
                case PARTIAL -> "◐ ";
                case MISSING -> "⚠ ";
                case WAITING -> "… ";
            };
            setText(mark + i18n.text("status." + s.name().toLowerCase(Locale.ROOT)));
            String note = bound.noteProperty().get();
            setTooltip(note.isEmpty() ? null : new Tooltip(note));
            setAccessibleText(getText() + (note.isEmpty() ? "" : ". " + note));
            getStyleClass().add("row-" + s.name().toLowerCase(Locale.ROOT));
        }
    }
}
