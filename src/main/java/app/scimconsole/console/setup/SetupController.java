package app.scimconsole.console.setup;

import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Page;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The wizard frame: the stepper on the left, the current step, Back and Next. Binds to {@link SetupViewModel}. */
public final class SetupController {
    @FXML
    private ListView<StepId> stepper;
    @FXML
    private ScrollPane scroller;
    @FXML
    private Label stepKicker;
    @FXML
    private Label stepTitle;
    @FXML
    private StackPane stepHost;
    @FXML
    private Button backButton;
    @FXML
    private Button nextButton;
    @FXML
    private Label progressLabel;

    private final SetupViewModel vm;
    private final I18n i18n;
    private final Function<StepId, Page> pages;
    private final Map<StepId, Page> loaded = new EnumMap<>(StepId.class);
    private Page shown;
    private boolean visible;

    public SetupController(SetupViewModel vm, I18n i18n, Function<StepId, Page> pages) {
        this.vm = vm;
        this.i18n = i18n;
        this.pages = pages;
    }

    @FXML
    private void initialize() {
        stepper.setItems(FXCollections.observableArrayList(StepId.values()));
        stepper.setCellFactory(l -> new StepCell());
        stepper.getSelectionModel().select(vm.currentProperty().get());
        stepper.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.go(now);
            }
        });
        vm.currentProperty().addListener((o, was, now) -> {
            stepper.getSelectionModel().select(now);
            showStep(now);
        });
        // Enter goes on from a tick box as from anywhere else in a wizard (a focused check box would swallow it).
        stepHost.addEventFilter(KeyEvent.KEY_PRESSED, this::enterOnCheckBox);
        backButton.disableProperty().bind(vm.canGoBackProperty().not());
        nextButton.disableProperty().bind(vm.canGoNextProperty().not());
        nextButton.textProperty().bind(Bindings.when(vm.currentProperty().isEqualTo(StepId.FINISH))
                .then(i18n.text("setup.toOverview")).otherwise(i18n.text("setup.next")));
        showStep(vm.currentProperty().get());
    }

    private void showStep(StepId step) {
        Page page = loaded.computeIfAbsent(step, pages);
        if (page == shown) {
            return;
        }
        if (shown != null && visible) {
            shown.hidden();
        }
        shown = page;
        stepKicker.textProperty().unbind();
        stepTitle.textProperty().unbind();
        if (step == StepId.FINISH) {
            stepKicker.textProperty().bind(vm.stateProperty(step));
            stepTitle.textProperty().bind(Bindings.when(vm.allDoneProperty()).then(i18n.text("finish.title.done"))
                    .otherwise(i18n.text("finish.title.open")));
        } else {
            stepKicker.setText(i18n.text("setup.stepOf", step.number(), StepId.STEPS.size()));
            stepTitle.setText(i18n.text(step.key() + ".title"));
        }
        stepHost.getChildren().setAll(page.root());
        scroller.setVvalue(0);
        if (visible) {
            page.shown();
        }
    }

    private void enterOnCheckBox(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof CheckBox && !e.isConsumed()) {
            e.consume();
            vm.next();
        }
    }

    /** The Setup section became visible. */
    public void shown() {
        visible = true;
        if (shown != null) {
            shown.shown();
        }
    }

    /** The Setup section was hidden. */
    public void hidden() {
        visible = false;
        if (shown != null) {
            shown.hidden();
        }
    }

    @FXML
    private void back() {
        vm.back();
    }

    @FXML
    private void next() {
        vm.next();
    }

    /** A step in the stepper: its number (or a check mark when done), its title and its state. */
    private final class StepCell extends ListCell<StepId> {
        private final Label badge = new Label();
        private final Label name = new Label();
        private final Label state = new Label();
        private final HBox graphic;
        private final InvalidationListener refresh = o -> show();
        private StepId bound;

        StepCell() {
            setPrefWidth(0); // fit the list's width: no horizontal scrolling
            name.setMinWidth(0);
            state.setMinWidth(0);
            badge.getStyleClass().add("step-badge");
            name.getStyleClass().add("step-name");
            state.getStyleClass().add("step-state");
            // A step's name wraps rather than being cut (Japanese names and a narrow stepper); should a word still
            // not fit, the whole text is in the tooltip.
            name.setWrapText(true);
            state.setWrapText(true);
            app.scimconsole.console.common.WholeText.tooltipWhenCut(name);
            app.scimconsole.console.common.WholeText.tooltipWhenCut(state);
            VBox text = new VBox(2, name, state);
            HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            graphic = new HBox(12, badge, text);
            graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(StepId item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                vm.doneProperty(bound).removeListener(refresh);
                vm.stateProperty(bound).removeListener(refresh);
            }
            bound = empty ? null : item;
            if (bound != null) {
                vm.doneProperty(bound).addListener(refresh);
                vm.stateProperty(bound).addListener(refresh);
            }
            show();
        }

        private void show() {
            if (bound == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            boolean done = vm.doneProperty(bound).get();
            badge.setText(done ? "✓" : bound == StepId.FINISH ? "→" : Integer.toString(bound.number()));
            badge.getStyleClass().remove("done");
            state.getStyleClass().remove("done");
            if (done) {
                badge.getStyleClass().add("done");
                state.getStyleClass().add("done");
            }
            name.setText(i18n.text(bound.key() + ".title"));
            state.setText(vm.stateProperty(bound).get());
            setText(null);
            setGraphic(graphic);
            setAccessibleText((bound == StepId.FINISH ? "" : i18n.text("setup.stepOf", bound.number(), StepId.STEPS.size())
                    + ": ") + name.getText() + " — " + state.getText());
        }
    }
}
