package app.scimconsole.console.setup;

import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The wizard's end: binds to {@link SetupViewModel}'s open steps; each open step is a link to it. */
public final class FinishController {
    @FXML
    private Label finishLead;
    @FXML
    private VBox openStepsBox;

    private final SetupViewModel vm;
    private final I18n i18n;

    public FinishController(SetupViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        vm.openSteps().addListener((ListChangeListener<StepId>) c -> showOpenSteps());
        showOpenSteps();
    }

    private void showOpenSteps() {
        boolean done = vm.openSteps().isEmpty();
        finishLead.setText(i18n.text(done ? "finish.lead.done" : "finish.lead.open"));
        openStepsBox.getChildren().setAll(vm.openSteps().stream().map(this::link).toList());
        Views.shown(openStepsBox, !done);
    }

    private Hyperlink link(StepId step) {
        Hyperlink link = new Hyperlink();
        link.textProperty().bind(Bindings.createStringBinding(() -> i18n.text("finish.openStep", step.number(),
                i18n.text(step.key() + ".title"), vm.stateProperty(step).get()), vm.stateProperty(step)));
        link.setId("open-" + step.name().toLowerCase(java.util.Locale.ROOT));
        link.setMnemonicParsing(false);
        link.setOnAction(e -> vm.go(step));
        return link;
    }
}
