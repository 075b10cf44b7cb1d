package app.scimconsole.console.setup;

import app.scimconsole.console.common.Views;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;

/** Step 4's view: the instructions and the live wait of {@link FirstRequestViewModel}. */
public final class ProvisioningController {
    @FXML
    private javafx.scene.layout.VBox domainsFirstBox;
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
    private final ObservableBooleanValue noDomainVerified;
    private final Runnable goDomains;

    /**
     * {@code noDomainVerified} is true once the domains were read and none is verified (then turning provisioning on
     * would have Entra's first cycle refused); {@code goDomains} shows the domains step.
     */
    public ProvisioningController(FirstRequestViewModel vm, ObservableBooleanValue noDomainVerified, Runnable goDomains) {
        this.vm = vm;
        this.noDomainVerified = noDomainVerified;
        this.goDomains = goDomains;
    }

    @FXML
    private void goDomains() {
        goDomains.run();
    }

    @FXML
    private void initialize() {
        Views.shownWhen(domainsFirstBox, noDomainVerified);
        Views.shownWhen(waitingSpinner, vm.arrivedProperty().not());
        Views.shownWhen(arrivedMark, vm.arrivedProperty());
        headline.textProperty().bind(vm.headlineProperty());
        vm.arrivedProperty().addListener((o, was, now) -> style(now));
        style(vm.arrivedProperty().get());
        detail.textProperty().bind(vm.detailProperty());
        counts.textProperty().bind(vm.countsProperty());
        warning.textProperty().bind(vm.warningProperty());
        Views.shownWhen(warningBox, vm.warningProperty().isNotEmpty());
    }

    private void style(boolean arrived) {
        headline.getStyleClass().remove("arrived");
        if (arrived) {
            headline.getStyleClass().add("arrived");
        }
    }
}
