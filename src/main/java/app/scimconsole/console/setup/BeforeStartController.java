package app.scimconsole.console.setup;

import app.scimconsole.console.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;

/** Step 1's view: the checklist, bound to {@link ChecklistViewModel}. */
public final class BeforeStartController {
    @FXML
    private CheckBox roleCheck;
    @FXML
    private CheckBox ownerCheck;
    @FXML
    private CheckBox dnsCheck;
    @FXML
    private Label readiness;

    private final ChecklistViewModel vm;
    private final I18n i18n;

    public BeforeStartController(ChecklistViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        roleCheck.selectedProperty().bindBidirectional(vm.roleProperty());
        ownerCheck.selectedProperty().bindBidirectional(vm.ownerProperty());
        dnsCheck.selectedProperty().bindBidirectional(vm.dnsProperty());
        readiness.textProperty().bind(Bindings.when(vm.completeProperty()).then(i18n.text("before.ready"))
                .otherwise(i18n.text("before.notReady")));
        vm.completeProperty().addListener((o, was, now) -> style(now));
        style(vm.completeProperty().get());
    }

    private void style(boolean complete) {
        readiness.getStyleClass().removeAll("summary-ok", "hint");
        readiness.getStyleClass().add(complete ? "summary-ok" : "hint");
    }
}
