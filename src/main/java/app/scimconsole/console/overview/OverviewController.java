package app.scimconsole.console.overview;

import app.scimconsole.console.common.Views;
import app.scimconsole.console.overview.OverviewViewModel.Fact;
import app.scimconsole.console.overview.OverviewViewModel.Warning;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Shows {@link OverviewViewModel}'s counts, warnings and facts. */
public final class OverviewController {
    @FXML
    private HBox countTiles;
    @FXML
    private VBox warningBox;
    @FXML
    private GridPane factGrid;
    @FXML
    private Hyperlink rejectedLink;

    private final OverviewViewModel vm;
    private final Runnable openUsers;

    public OverviewController(OverviewViewModel vm, Runnable openUsers) {
        this.vm = vm;
        this.openUsers = openUsers;
    }

    @FXML
    private void initialize() {
        vm.counts().addListener((ListChangeListener<Fact>) c -> showCounts());
        vm.facts().addListener((ListChangeListener<Fact>) c -> showFacts());
        vm.warnings().addListener((ListChangeListener<Warning>) c -> showWarnings());
        showCounts();
        showFacts();
        showWarnings();
        Views.shownWhen(rejectedLink, vm.rejectedRecentlyProperty());
    }

    @FXML
    private void showRejected() {
        openUsers.run();
    }

    private void showCounts() {
        countTiles.getChildren().clear();
        int i = 0;
        for (Fact f : vm.counts()) {
            Label value = new Label(f.value());
            value.getStyleClass().add("count-value");
            value.setId("count-" + i++);
            Label label = new Label(f.label());
            label.getStyleClass().add("hint");
            VBox tile = new VBox(2, value, label);
            tile.getStyleClass().addAll("card", "count-tile");
            tile.setAccessibleText(f.label() + ": " + f.value());
            countTiles.getChildren().add(tile);
        }
    }

    private void showFacts() {
        factGrid.getChildren().clear();
        int row = 0;
        for (Fact f : vm.facts()) {
            Label l = new Label(f.label());
            l.getStyleClass().add("field-label");
            l.setMinWidth(Region.USE_PREF_SIZE); // the label whole; the value wraps
            Label v = new Label(f.value());
            v.setWrapText(true);
            factGrid.addRow(row++, l, v);
        }
    }

    private void showWarnings() {
        warningBox.getChildren().clear();
        for (Warning w : vm.warnings()) {
            Label l = new Label((w.severity() == OverviewViewModel.Severity.INFO ? "ℹ " : "⚠ ") + w.text());
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().addAll("callout", switch (w.severity()) {
                case ERROR -> "callout-error";
                case WARN -> "callout-warn";
                case INFO -> "callout-info";
            }, "overview-warning");
            warningBox.getChildren().add(l);
        }
    }
}
