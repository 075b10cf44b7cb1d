package app.scimconsole.console.setup;

import app.scimconsole.console.common.CopyFeedback;
import app.scimconsole.console.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 2's view: binds to {@link EnableScimViewModel}. */
public final class EnableScimController {
    @FXML
    private VBox enableCard;
    @FXML
    private Button enableButton;
    @FXML
    private VBox unknownCard;
    @FXML
    private ProgressIndicator enableProgress;
    @FXML
    private VBox credentialsCard;
    @FXML
    private TextField tenantUrlField;
    @FXML
    private TextField tokenField;
    @FXML
    private ToggleButton revealButton;
    @FXML
    private Button copyUrlButton;
    @FXML
    private Button copyCommandsButton;
    @FXML
    private Button copyTokenButton;
    @FXML
    private HBox urlWarningBox;
    @FXML
    private Label urlWarning;
    @FXML
    private HBox tokenWarning;
    @FXML
    private VBox tokenUnknown;
    @FXML
    private Label tokenNote;
    @FXML
    private Button regenerateButton;
    @FXML
    private javafx.scene.control.ComboBox<Integer> overlapChoice;
    @FXML
    private TextField testUrlField;
    @FXML
    private PasswordField testTokenField;
    @FXML
    private Button testButton;
    @FXML
    private ProgressIndicator testProgress;
    @FXML
    private HBox testResultBox;
    @FXML
    private Label testIcon;
    @FXML
    private Label testResult;
    @FXML
    private HBox reachBox;
    @FXML
    private Label reachIcon;
    @FXML
    private Label reachText;
    @FXML
    private TextArea serveCommands;

    private final EnableScimViewModel vm;
    private final I18n i18n;

    public EnableScimController(EnableScimViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        showWhen(enableCard, vm.knownProperty().and(vm.enabledProperty().not()));
        showWhen(credentialsCard, vm.enabledProperty());
        showWhen(unknownCard, vm.knownProperty().not().and(vm.enabledProperty().not()));
        enableButton.disableProperty().bind(vm.busyProperty());
        // The Enable button disappears once enabled: keep the keyboard focus on the next thing to do.
        vm.enabledProperty().addListener((o, was, now) -> {
            if (now && enableButton.getScene() != null) {
                javafx.application.Platform.runLater(copyUrlButton::requestFocus);
            }
        });
        enableProgress.visibleProperty().bind(vm.busyProperty());

        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {copyUrlButton, copyTokenButton,
                copyCommandsButton}) {
            CopyFeedback.reserveRoom(b, i18n);
        }
        tenantUrlField.textProperty().bind(vm.tenantUrlProperty());
        app.scimconsole.console.common.WholeText.tooltipWhenCut(tenantUrlField);
        tokenField.textProperty().bind(vm.tokenShownProperty());
        tokenField.setAccessibleText(i18n.withoutMnemonic("enable.secretToken"));
        revealButton.selectedProperty().bindBidirectional(vm.revealedProperty());
        revealButton.textProperty().bind(Bindings.when(vm.revealedProperty()).then(i18n.text("enable.hide"))
                .otherwise(i18n.text("enable.reveal")));
        revealButton.disableProperty().bind(vm.tokenKnownProperty().not());
        copyTokenButton.disableProperty().bind(vm.tokenKnownProperty().not());
        copyUrlButton.disableProperty().bind(vm.tenantUrlProperty().isEmpty());
        urlWarning.textProperty().bind(vm.urlWarningProperty());
        showWhen(urlWarningBox, vm.urlWarningProperty().isNotEmpty());
        tokenField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.revealedProperty().get()) {
                vm.revealedProperty().set(false);
                e.consume();
            }
        });
        showWhen(tokenWarning, vm.tokenKnownProperty());
        showWhen(tokenUnknown, vm.tokenKnownProperty().not());
        tokenNote.textProperty().bind(vm.tokenNoteProperty());
        showWhen(tokenNote, vm.tokenNoteProperty().isNotEmpty());
        // Not disabled while busy (the view model ignores a second press): a disabled button would hand the keyboard
        // focus on to the next control.
        overlapChoice.getItems().setAll(EnableScimViewModel.OVERLAPS);
        overlapChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return vm.overlapText(minutes);
            }

            @Override
            public Integer fromString(String text) {
                return null; // not editable
            }
        });
        overlapChoice.valueProperty().bindBidirectional(vm.overlapProperty());

        testUrlField.textProperty().bindBidirectional(vm.testUrlProperty());
        app.scimconsole.console.common.WholeText.tooltipWhenCut(testUrlField);
        testTokenField.textProperty().bindBidirectional(vm.testTokenProperty());
        testUrlField.setOnAction(e -> vm.testConnection());
        testTokenField.setOnAction(e -> vm.testConnection());
        var running = vm.testStateProperty().isEqualTo(EnableScimViewModel.TestState.RUNNING);
        testButton.disableProperty().bind(running);
        testProgress.visibleProperty().bind(running);
        testResult.textProperty().bind(vm.testMessageProperty());
        showWhen(testResultBox, vm.testStateProperty().isNotEqualTo(EnableScimViewModel.TestState.IDLE));
        vm.testStateProperty().addListener((o, was, now) -> showTestState(now));
        showTestState(vm.testStateProperty().get());

        vm.reachabilityProperty().addListener((o, was, now) -> showReach(now));
        showReach(vm.reachabilityProperty().get());
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private void showTestState(EnableScimViewModel.TestState s) {
        testResultBox.getStyleClass().removeAll("callout-ok", "callout-error", "callout-info");
        switch (s) {
            case OK -> {
                testResultBox.getStyleClass().add("callout-ok");
                testIcon.setText("✓");
            }
            case FAILED -> {
                testResultBox.getStyleClass().add("callout-error");
                testIcon.setText("✗");
            }
            default -> {
                testResultBox.getStyleClass().add("callout-info");
                testIcon.setText("…");
            }
        }
    }

    private void showReach(Reachability r) {
        if (r == null) {
            return;
        }
        reachText.setText(r.text());
        reachBox.getStyleClass().removeAll("callout-ok", "callout-warn");
        reachBox.getStyleClass().add(r.level() == Reachability.Level.OK ? "callout-ok" : "callout-warn");
        reachIcon.setText(r.level() == Reachability.Level.OK ? "✓" : "⚠");
    }

    @FXML
    private void enable() {
        vm.enable();
    }

    @FXML
    private void copyUrl() {
        vm.copyTenantUrl();
        CopyFeedback.on(copyUrlButton, i18n);
    }

    @FXML
    private void copyToken() {
        vm.copyToken();
        CopyFeedback.on(copyTokenButton, i18n);
    }

    @FXML
    private void regenerate() {
        vm.regenerate();
    }

    @FXML
    private void test() {
        vm.testConnection();
    }

    @FXML
    private void copyCommands(javafx.event.ActionEvent e) {
        vm.copyServeCommands();
        CopyFeedback.on((javafx.scene.control.ButtonBase) e.getSource(), i18n);
    }
}
