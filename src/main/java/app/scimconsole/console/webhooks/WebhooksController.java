package app.scimconsole.console.webhooks;

import app.scimconsole.console.common.CopyFeedback;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Views;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Binds the Webhooks view to {@link WebhooksViewModel}. */
public final class WebhooksController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    @FXML
    private Label note;
    @FXML
    private VBox issuedBox;
    @FXML
    private Label issuedNote;
    @FXML
    private TextField issuedSecretField;
    @FXML
    private Button copySecretButton;
    @FXML
    private Label emptyLabel;
    @FXML
    private ListView<WebhookRow> endpointList;
    @FXML
    private Button rotateButton;
    @FXML
    private Button removeButton;
    @FXML
    private TextField cursorField;
    @FXML
    private Button replayButton;
    @FXML
    private Label replayFor;
    @FXML
    private TextField urlField;
    @FXML
    private TextField eventsField;
    @FXML
    private Button addButton;

    private final WebhooksViewModel vm;
    private final I18n i18n;

    public WebhooksController(WebhooksViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        CopyFeedback.reserveRoom(copySecretButton, i18n);
        note.textProperty().bind(vm.noteProperty());
        vm.noteIsErrorProperty().addListener((o, was, error) -> note.pseudoClassStateChanged(ERROR, error));
        Views.shown(note, false);
        vm.noteProperty().addListener((o, was, now) -> Views.shown(note, !now.isEmpty()));

        issuedNote.textProperty().bind(vm.issuedNoteProperty());
        issuedSecretField.textProperty().bind(vm.issuedSecretProperty());
        Views.shown(issuedBox, false);
        vm.issuedSecretProperty().addListener((o, was, now) -> Views.shown(issuedBox, !now.isEmpty()));

        endpointList.setItems(vm.rows());
        endpointList.setCellFactory(list -> new EndpointCell());
        endpointList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> vm.selectedProperty()
                .set(now));
        vm.selectedProperty().addListener((o, was, now) -> {
            if (endpointList.getSelectionModel().getSelectedItem() != now) {
                endpointList.getSelectionModel().select(now);
            }
        });
        Views.shownWhen(emptyLabel, Bindings.isEmpty(vm.rows()));
        Views.shownWhen(endpointList, Bindings.isNotEmpty(vm.rows()));

        var noneChosen = vm.selectedProperty().isNull().or(vm.busyProperty());
        rotateButton.disableProperty().bind(noneChosen);
        removeButton.disableProperty().bind(noneChosen);
        cursorField.textProperty().bindBidirectional(vm.cursorProperty());
        replayButton.disableProperty().bind(noneChosen.or(vm.cursorProperty().isEmpty()));
        replayFor.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? i18n.text("webhooks.replay.chooseFirst")
                : i18n.text("webhooks.replay.for", vm.selectedProperty().get().url()), vm.selectedProperty()));

        urlField.textProperty().bindBidirectional(vm.urlProperty());
        eventsField.textProperty().bindBidirectional(vm.eventsProperty());
        addButton.disableProperty().bind(vm.busyProperty());
    }

    @FXML
    private void refresh() {
        vm.load();
    }

    @FXML
    private void add() {
        vm.add();
    }

    @FXML
    private void remove() {
        vm.remove();
    }

    @FXML
    private void rotateSecret() {
        vm.rotateSecret();
    }

    @FXML
    private void replay() {
        vm.replay();
    }

    @FXML
    private void copySecret(ActionEvent e) {
        vm.copySecret();
        CopyFeedback.on((ButtonBase) e.getSource(), i18n);
    }

    @FXML
    private void hideSecret() {
        vm.hideSecret();
    }

    /** An endpoint: its address and state, then what it gets, its last success and backlog, then its last problem. */
    private static final class EndpointCell extends ListCell<WebhookRow> {
        private final Label url = label("webhook-url");
        private final Label state = label("webhook-state");
        private final Label detail = label("webhook-detail");
        private final Label problem = label("webhook-problem");
        private final VBox box;

        EndpointCell() {
            HBox top = new HBox(8, url, state);
            HBox.setHgrow(url, Priority.ALWAYS);
            url.setMaxWidth(Double.MAX_VALUE);
            state.setMinWidth(Label.USE_PREF_SIZE);
            box = new VBox(3, top, detail, problem);
            setPrefWidth(0); // wrap to the list's width instead of widening it
        }

        private static Label label(String style) {
            Label l = new Label();
            l.getStyleClass().add(style);
            l.setWrapText(true);
            return l;
        }

        @Override
        protected void updateItem(WebhookRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            url.setText(row.url());
            state.setText(row.state());
            state.getStyleClass().setAll("label", "webhook-state", row.stateStyle());
            detail.setText(row.details());
            problem.setText(row.lastProblem());
            Views.shown(problem, !row.lastProblem().isEmpty());
            setGraphic(box);
        }
    }
}
