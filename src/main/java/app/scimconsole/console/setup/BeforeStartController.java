package app.scimconsole.console.setup;

import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.setup.ChecklistViewModel.Deployment;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/** Step 1's view: the deployment choice and the checklist, bound to {@link ChecklistViewModel}. */
public final class BeforeStartController {
    @FXML
    private ToggleGroup deployGroup;
    @FXML
    private RadioButton serverRadio;
    @FXML
    private RadioButton embeddedRadio;
    @FXML
    private Node serverNext;
    @FXML
    private Node embeddedNext;
    @FXML
    private CheckBox publicCheck;
    @FXML
    private CheckBox roleCheck;
    @FXML
    private CheckBox ownerCheck;
    @FXML
    private CheckBox dnsCheck;
    @FXML
    private Label readiness;
    @FXML
    private Label embeddedHint;
    @FXML
    private Label embeddedNextText;

    private final ChecklistViewModel vm;
    private final I18n i18n;

    public BeforeStartController(ChecklistViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        serverRadio.setUserData(Deployment.SERVER);
        embeddedRadio.setUserData(Deployment.EMBEDDED);
        showDeployment(vm.deploymentProperty().get());
        vm.deploymentProperty().addListener((o, was, now) -> showDeployment(now));
        deployGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.deploymentProperty().set((Deployment) now.getUserData());
            }
        });
        Views.shownWhen(serverNext, vm.deploymentProperty().isEqualTo(Deployment.SERVER));
        Views.shownWhen(embeddedNext, vm.deploymentProperty().isEqualTo(Deployment.EMBEDDED));

        embeddedHint.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.text("before.deploy.embedded.hint", vm.embeddedPortProperty().get()),
                vm.embeddedPortProperty()));
        embeddedNextText.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.text("before.deploy.embedded.next", vm.embeddedPortProperty().get()),
                vm.embeddedPortProperty()));

        publicCheck.selectedProperty().bindBidirectional(vm.publicAddressProperty());
        roleCheck.selectedProperty().bindBidirectional(vm.roleProperty());
        ownerCheck.selectedProperty().bindBidirectional(vm.ownerProperty());
        dnsCheck.selectedProperty().bindBidirectional(vm.dnsProperty());
        readiness.textProperty().bind(Bindings.when(vm.completeProperty()).then(i18n.text("before.ready"))
                .otherwise(Bindings.when(vm.deploymentProperty().isNull()).then(i18n.text("before.chooseDeployment"))
                        .otherwise(i18n.text("before.notReady"))));
        vm.completeProperty().addListener((o, was, now) -> style(now));
        style(vm.completeProperty().get());
    }

    private void showDeployment(Deployment d) {
        Toggle t = d == Deployment.SERVER ? serverRadio : d == Deployment.EMBEDDED ? embeddedRadio : null;
        if (deployGroup.getSelectedToggle() != t) {
            deployGroup.selectToggle(t);
        }
    }


    private void style(boolean complete) {
        readiness.getStyleClass().removeAll("summary-ok", "hint");
        readiness.getStyleClass().add(complete ? "summary-ok" : "hint");
    }

    @FXML
    private void openConnection() {
        vm.openConnection();
    }

    @FXML
    private void openSettings() {
        vm.openSettings();
    }
}
