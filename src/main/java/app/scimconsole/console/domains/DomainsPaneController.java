package app.scimconsole.console.domains;

import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Views;
import java.io.File;
import java.util.IdentityHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The domains list with adding, a card per domain, and the offline zone check; binds to {@link DomainsViewModel}. */
public final class DomainsPaneController {
    @FXML
    private TextField newDomainField;
    @FXML
    private Button addButton;
    @FXML
    private Label newDomainError;
    @FXML
    private Label emptyLabel;
    @FXML
    private VBox suggestionBox;
    @FXML
    private javafx.scene.layout.FlowPane suggestionButtons;
    @FXML
    private VBox domainList;
    @FXML
    private TitledPane zonePane;
    @FXML
    private ComboBox<DomainViewModel> zoneDomain;
    @FXML
    private Button openZoneButton;
    @FXML
    private TextArea zoneText;
    @FXML
    private Button zoneCheckButton;
    @FXML
    private HBox zoneStatus;
    @FXML
    private Label zoneStatusText;
    @FXML
    private Label zoneResult;

    private final DomainsViewModel vm;
    private final I18n i18n;
    private final Map<DomainViewModel, Node> cards = new IdentityHashMap<>();
    private final ValidationSupport validation = new ValidationSupport();

    public DomainsPaneController(DomainsViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        newDomainField.textProperty().bindBidirectional(vm.newDomainProperty());
        newDomainField.setOnAction(e -> vm.add());
        newDomainField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !newDomainField.getText().isEmpty()) {
                newDomainField.clear();
                e.consume();
            }
        });
        validation.registerValidator(newDomainField, false, (javafx.scene.control.Control c, String text) -> {
            String error = vm.validate(text);
            return ValidationResult.fromErrorIf(c, error, error != null);
        });
        addButton.disableProperty().bind(vm.canAddProperty().not());
        Views.showsText(newDomainError, vm.newDomainErrorProperty());

        vm.suggested().addListener((ListChangeListener<String>) c -> showSuggestions());
        showSuggestions();

        vm.domains().addListener((ListChangeListener<DomainViewModel>) c -> showCards());
        vm.loadedProperty().addListener((o, was, now) -> showCards());
        showCards();

        var zone = vm.zoneCheck();
        zoneDomain.setItems(zone.domains());
        zoneDomain.valueProperty().bindBidirectional(zone.domainProperty());
        zoneDomain.setCellFactory(l -> new DomainCell());
        zoneDomain.setButtonCell(new DomainCell());
        zoneText.textProperty().bindBidirectional(zone.zoneTextProperty());
        zoneCheckButton.disableProperty().bind(zone.canCheckProperty().not());
        openZoneButton.disableProperty().bind(zone.domainProperty().isNull());
        zoneResult.textProperty().bind(zone.resultTextProperty());
        zoneStatus.visibleProperty().bind(zone.resultTextProperty().isNotEmpty());
        zone.indicatorProperty().addListener((o, was, now) -> {
            zoneStatus.getStyleClass().removeIf(s -> s.startsWith("status-") && !s.equals("status-pill"));
            zoneStatus.getStyleClass().add(now.styleClass());
            zoneStatusText.setText(i18n.text(now.key()));
        });
    }

    /** One "Add contoso.com" button for each domain of people Entra sent and this service refused. */
    private void showSuggestions() {
        suggestionButtons.getChildren().setAll(vm.suggested().stream().map(name -> {
            Button b = new Button(i18n.text("domains.suggest.add", name));
            b.setId("suggest-" + name.replaceAll("[^A-Za-z0-9-]", "-"));
            b.setMnemonicParsing(false);
            b.setMinWidth(Button.USE_PREF_SIZE);
            b.setOnAction(e -> vm.addSuggested(name));
            b.disableProperty().bind(vm.addingProperty());
            return b;
        }).toList());
        boolean any = !vm.suggested().isEmpty();
        Views.shown(suggestionBox, any);
    }

    private void showCards() {
        cards.keySet().retainAll(vm.domains());
        domainList.getChildren().setAll(vm.domains().stream().map(d -> cards.computeIfAbsent(d,
                k -> Views.load("domains/DomainCard.fxml", new DomainCardController(k, vm, i18n), i18n))).toList());
        boolean empty = vm.domains().isEmpty();
        Views.shown(emptyLabel, empty && vm.loadedProperty().get());
    }

    @FXML
    private void add() {
        vm.add();
    }

    @FXML
    private void checkZone() {
        vm.zoneCheck().check();
    }

    @FXML
    private void openZone() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.text("zone.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(i18n.text("zone.fileFilter"), "*.zone", "*.txt", "*.db", "*"));
        File f = chooser.showOpenDialog(zonePane.getScene() == null ? null : zonePane.getScene().getWindow());
        if (f != null) {
            vm.zoneCheck().load(f.toPath());
        }
    }

    private static final class DomainCell extends ListCell<DomainViewModel> {
        @Override
        protected void updateItem(DomainViewModel item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.displayName());
        }
    }
}
