package app.scimconsole.console.setup;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/** Step 4's view: the instructions and the live wait of {@link FirstRequestViewModel}. */
public final class ProvisioningController {
    @FXML
    private ProgressIndicator waitingSpinner;
    @FXML
    private Label arrivedMark;
    @FXML
    private Label headline;
    @FXML
    private Label detail;
    @FXML
    private Label counts;
    @FXML
    private HBox warningBox;
    @FXML
    private Label warning;

    private final FirstRequestViewModel vm;

    public ProvisioningController(FirstRequestViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        waitingSpinner.visibleProperty().bind(vm.arrivedProperty().not());
        waitingSpinner.managedProperty().bind(vm.arrivedProperty().not());
        arrivedMark.visibleProperty().bind(vm.arrivedProperty());
        arrivedMark.managedProperty().bind(vm.arrivedProperty());
        headline.textProperty().bind(vm.headlineProperty());
        vm.arrivedProperty().addListener((o, was, now) -> style(now));
        style(vm.arrivedProperty().get());
        detail.textProperty().bind(vm.detailProperty());
        counts.textProperty().bind(vm.countsProperty());
        warning.textProperty().bind(vm.warningProperty());
        warningBox.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warningBox.managedProperty().bind(vm.warningProperty().isNotEmpty());
    }

    private void style(boolean arrived) {
        headline.getStyleClass().remove("arrived");
        if (arrived) {
            headline.getStyleClass().add("arrived");
        }
    }
}
