package app.scimconsole.console.connection;

import app.scimconsole.console.common.Views;
import app.scimconsole.console.context.ConsoleSettings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The Connection page's view: binds to {@link ConnectionViewModel}. */
public final class ConnectionController {
    @FXML
    private Label currentLabel;
    @FXML
    private ToggleGroup modeGroup;
    @FXML
    private RadioButton embeddedRadio;
    @FXML
    private RadioButton remoteRadio;
    @FXML
    private Label embeddedHint;
    @FXML
    private GridPane remoteGrid;
    @FXML
    private TextField urlField;
    @FXML
    private PasswordField credentialField;
    @FXML
    private Label credentialPlace;
    @FXML
    private Label urlError;
    @FXML
    private Button connectButton;

    private final ConnectionViewModel vm;
    private final ValidationSupport validation = new ValidationSupport();

    public ConnectionController(ConnectionViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        currentLabel.textProperty().bind(vm.currentProperty());
        embeddedHint.setText(vm.embeddedHint());
        (vm.modeProperty().get() == ConsoleSettings.Mode.REMOTE ? remoteRadio : embeddedRadio).setSelected(true);
        modeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                vm.modeProperty().set(now == remoteRadio ? ConsoleSettings.Mode.REMOTE : ConsoleSettings.Mode.EMBEDDED);
            }
        });
        remoteGrid.disableProperty().bind(remoteRadio.selectedProperty().not());
        urlField.textProperty().bindBidirectional(vm.remoteUrlProperty());
        credentialField.textProperty().bindBidirectional(vm.credentialProperty());
        credentialPlace.textProperty().bind(vm.credentialPlaceProperty());
        validation.registerValidator(urlField, false, (javafx.scene.control.Control c, String text) -> {
            String error = vm.urlErrorProperty().get();
            return ValidationResult.fromErrorIf(c, error, error != null);
        });
        Views.showsText(urlError, vm.urlErrorProperty());
        connectButton.disableProperty().bind(vm.canConnectProperty().not());
        urlField.setOnAction(e -> vm.connect());
        credentialField.setOnAction(e -> vm.connect());
    }

    @FXML
    private void connect() {
        vm.connect();
    }
}
