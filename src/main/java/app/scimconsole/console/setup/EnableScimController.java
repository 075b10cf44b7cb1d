package app.scimconsole.console.setup;

import app.scimconsole.console.common.CopyFeedback;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Views;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

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
    private ComboBox<Integer> overlapChoice;
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
    @FXML
    private VBox methodCard;
    @FXML
    private FlowPane methodChoices;
    @FXML
    private VBox secretTokenPane;
    @FXML
    private VBox oauthPane;
    @FXML
    private HBox addClientBox;
    @FXML
    private ComboBox<Integer> expiryChoice;
    @FXML
    private Button addClientButton;
    @FXML
    private ProgressIndicator oauthProgress;
    @FXML
    private GridPane oauthGrid;
    @FXML
    private TextField tokenEndpointField;
    @FXML
    private TextField clientIdField;
    @FXML
    private TextField clientSecretField;
    @FXML
    private Button copyEndpointButton;
    @FXML
    private Button copyClientIdButton;
    @FXML
    private Button copyClientSecretButton;
    @FXML
    private HBox secretOnce;
    @FXML
    private Label secretOnceText;
    @FXML
    private VBox secretUnknown;
    @FXML
    private VBox whereInEntra;
    @FXML
    private Label secretsTitle;
    @FXML
    private VBox secretList;
    @FXML
    private HBox addSecretBox;
    @FXML
    private VBox credentialWarnings;
    @FXML
    private Button addSecretButton;
    @FXML
    private Label testLead;
    @FXML
    private GridPane testTokenGrid;
    @FXML
    private GridPane testOAuthGrid;
    @FXML
    private TextField testEndpointField;
    @FXML
    private TextField testClientIdField;
    @FXML
    private PasswordField testClientSecretField;

    @FXML
    private VBox federationPane;
    @FXML
    private TextField entraTenantField;
    @FXML
    private TextField subjectField;
    @FXML
    private TextField audienceField;
    @FXML
    private Button addTrustButton;
    @FXML
    private ProgressIndicator federationProgress;
    @FXML
    private HBox federationProblemBox;
    @FXML
    private Label federationProblem;
    @FXML
    private GridPane federationGrid;
    @FXML
    private TextField federationEndpointField;
    @FXML
    private TextField federationClientIdField;
    @FXML
    private Button copyFederationEndpointButton;
    @FXML
    private Button copyFederationClientIdButton;
    @FXML
    private VBox federationWhere;
    @FXML
    private Label trustsTitle;
    @FXML
    private VBox trustList;
    @FXML
    private GridPane testFederationGrid;
    @FXML
    private TextField testFederationEndpointField;
    @FXML
    private TextField testFederationClientIdField;

    private final EnableScimViewModel vm;
    private final I18n i18n;

    public EnableScimController(EnableScimViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        Views.shownWhen(enableCard, vm.knownProperty().and(vm.enabledProperty().not()));
        Views.shownWhen(credentialsCard, vm.enabledProperty());
        Views.shownWhen(unknownCard, vm.knownProperty().not().and(vm.enabledProperty().not()));
        enableButton.disableProperty().bind(vm.busyProperty());
        // The Enable button disappears once enabled: keep the keyboard focus on the next thing to do.
        vm.enabledProperty().addListener((o, was, now) -> {
            if (now && enableButton.getScene() != null) {
                Platform.runLater(copyUrlButton::requestFocus);
            }
        });
        enableProgress.visibleProperty().bind(vm.busyProperty());

        for (ButtonBase b : new ButtonBase[] {copyUrlButton, copyTokenButton,
                copyCommandsButton, copyEndpointButton, copyClientIdButton, copyClientSecretButton,
                copyFederationEndpointButton, copyFederationClientIdButton}) {
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
        Views.shownWhen(urlWarningBox, vm.urlWarningProperty().isNotEmpty());
        tokenField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.revealedProperty().get()) {
                vm.revealedProperty().set(false);
                e.consume();
            }
        });
        Views.shownWhen(tokenWarning, vm.tokenKnownProperty());
        Views.shownWhen(tokenUnknown, vm.tokenKnownProperty().not());
        Views.showsText(tokenNote, vm.tokenNoteProperty());
        // Not disabled while busy (the view model ignores a second press): a disabled button would hand the keyboard
        // focus on to the next control.
        overlapChoice.getItems().setAll(EnableScimViewModel.OVERLAPS);
        overlapChoice.setConverter(new StringConverter<>() {
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
        Views.shownWhen(testResultBox, vm.testStateProperty().isNotEqualTo(EnableScimViewModel.TestState.IDLE));
        vm.testStateProperty().addListener((o, was, now) -> showTestState(now));
        showTestState(vm.testStateProperty().get());

        vm.reachabilityProperty().addListener((o, was, now) -> showReach(now));
        showReach(vm.reachabilityProperty().get());
        bindMethods();
        bindOAuth(vm.oauth());
        bindFederation(vm.federation());
        vm.credentialWarnings().addListener((ListChangeListener<String>) c -> showWarnings());
        showWarnings();
    }

    /**
     * One radio button per {@link CredentialMethod} and one pane per method: a further method adds its value and its
     * entry here.
     */
    private Map<CredentialMethod, List<Node>> panes() {
        return Map.of(CredentialMethod.SECRET_TOKEN, List.of(secretTokenPane, testTokenGrid),
                CredentialMethod.OAUTH_CLIENT, List.of(oauthPane, testOAuthGrid),
                CredentialMethod.FEDERATION, List.of(federationPane, testFederationGrid));
    }

    private void bindMethods() {
        Views.shownWhen(methodCard, vm.enabledProperty());
        ToggleGroup group = new ToggleGroup();
        var panes = panes();
        for (CredentialMethod m : CredentialMethod.values()) {
            RadioButton b = new RadioButton(i18n.text(m.textKey()));
            b.setId("method-" + m.name());
            b.setUserData(m);
            b.setToggleGroup(group);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> vm.chooseMethod(m));
            methodChoices.getChildren().add(b);
            var chosen = vm.methodProperty().isEqualTo(m);
            panes.getOrDefault(m, List.of()).forEach(n -> Views.shownWhen(n, chosen));
        }
        Consumer<CredentialMethod> select = m -> group.getToggles().stream()
                .filter(t -> t.getUserData() == m).findFirst().ifPresent(t -> t.setSelected(true));
        vm.methodProperty().addListener((o, was, now) -> select.accept(now));
        select.accept(vm.methodProperty().get());
        testLead.textProperty().bind(Bindings.createStringBinding(() -> i18n.text(switch (vm.methodProperty().get()) {
            case OAUTH_CLIENT -> "oauth.test.lead";
            case FEDERATION -> "federation.test.lead";
            default -> "enable.test.lead";
        }), vm.methodProperty()));
    }

    private void bindOAuth(OAuthClientViewModel oauth) {
        Views.shownWhen(addClientBox, oauth.hasClientProperty().not());
        Views.shownWhen(oauthGrid, oauth.hasClientProperty());
        Views.shownWhen(whereInEntra, oauth.hasClientProperty());
        Views.shownWhen(secretsTitle, oauth.hasClientProperty());
        Views.shownWhen(addSecretBox, oauth.hasClientProperty());
        addSecretButton.disableProperty().bind(oauth.rotatingProperty().or(oauth.busyProperty()));
        Views.shownWhen(secretOnce, oauth.secretKnownProperty());
        Views.shownWhen(secretUnknown, oauth.hasClientProperty().and(oauth.secretKnownProperty().not()));
        secretOnceText.textProperty().bind(Bindings.concat(i18n.text("oauth.secretOnce"), " ",
                oauth.secretNoteProperty()));
        expiryChoice.getItems().setAll(OAuthClientViewModel.EXPIRY_YEARS);
        expiryChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer years) {
                return oauth.expiryText(years);
            }

            @Override
            public Integer fromString(String text) {
                return null; // not editable
            }
        });
        expiryChoice.valueProperty().bindBidirectional(oauth.expiryYearsProperty());
        oauthProgress.visibleProperty().bind(oauth.busyProperty());
        tokenEndpointField.textProperty().bind(oauth.tokenEndpointProperty());
        clientIdField.textProperty().bind(oauth.clientIdProperty());
        clientSecretField.textProperty().bind(oauth.clientSecretProperty());
        clientSecretField.setPromptText(i18n.text("oauth.secretHidden"));
        app.scimconsole.console.common.WholeText.tooltipWhenCut(tokenEndpointField);
        copyClientSecretButton.disableProperty().bind(oauth.secretKnownProperty().not());
        testEndpointField.textProperty().bindBidirectional(oauth.testTokenEndpointProperty());
        testClientIdField.textProperty().bindBidirectional(oauth.testClientIdProperty());
        testClientSecretField.textProperty().bindBidirectional(oauth.testClientSecretProperty());
        for (TextField f : List.of(testEndpointField, testClientIdField, testClientSecretField)) {
            f.setOnAction(e -> vm.testConnection());
        }
        oauth.secrets().addListener((ListChangeListener<OAuthClientViewModel.SecretRow>) c ->
                showSecrets(oauth));
        showSecrets(oauth);
    }

    private void bindFederation(FederationViewModel federation) {
        entraTenantField.textProperty().bindBidirectional(federation.entraTenantProperty());
        subjectField.textProperty().bindBidirectional(federation.subjectProperty());
        audienceField.textProperty().bindBidirectional(federation.audienceProperty());
        for (TextField f : List.of(entraTenantField, subjectField, audienceField)) {
            f.setOnAction(e -> federation.addTrust());
        }
        federationProgress.visibleProperty().bind(federation.busyProperty());
        federationProblem.textProperty().bind(federation.problemProperty());
        Views.shownWhen(federationProblemBox, federation.problemProperty().isNotEmpty());
        Views.shownWhen(federationGrid, federation.hasTrustProperty());
        Views.shownWhen(federationWhere, federation.hasTrustProperty());
        Views.shownWhen(trustsTitle, federation.hasTrustProperty());
        federationEndpointField.textProperty().bind(federation.tokenEndpointProperty());
        federationClientIdField.textProperty().bind(federation.clientIdProperty());
        app.scimconsole.console.common.WholeText.tooltipWhenCut(federationEndpointField);
        testFederationEndpointField.textProperty().bindBidirectional(federation.testTokenEndpointProperty());
        testFederationClientIdField.textProperty().bindBidirectional(federation.testClientIdProperty());
        for (TextField f : List.of(testFederationEndpointField, testFederationClientIdField)) {
            f.setOnAction(e -> vm.testConnection());
        }
        federation.trusts().addListener((ListChangeListener<FederationViewModel.TrustRow>) c ->
                showTrusts(federation));
        showTrusts(federation);
    }

    private void showSecrets(OAuthClientViewModel oauth) {
        secretList.getChildren().setAll(oauth.secrets().stream().map(row -> listed(row.text(),
                row.removable() ? () -> oauth.remove(row) : null, i18n.text("oauth.removeSecret"), "remove-secret"))
                .toList());
    }

    private void showTrusts(FederationViewModel federation) {
        trustList.getChildren().setAll(federation.trusts().stream().map(row -> listed(row.text(),
                () -> federation.remove(row), i18n.text("federation.remove"), "remove-trust")).toList());
    }

    /** A listed credential: what it says, and its Remove button when {@code remove} is not null. */
    private static HBox listed(String said, Runnable remove, String removeText, String removeClass) {
        Label text = new Label(said);
        text.setWrapText(true);
        HBox line = new HBox(10, text);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        if (remove != null) {
            Button button = new Button(removeText);
            button.getStyleClass().add(removeClass);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setOnAction(e -> remove.run());
            line.getChildren().add(button);
        }
        return line;
    }

    private void showWarnings() {
        credentialWarnings.getChildren().clear();
        for (String w : vm.credentialWarnings()) {
            Label icon = new Label("⚠");
            icon.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(w);
            text.setWrapText(true);
            HBox box = new HBox(icon, text);
            HBox.setHgrow(text, Priority.ALWAYS);
            box.getStyleClass().addAll("callout", "callout-warn", "credential-warning");
            credentialWarnings.getChildren().add(box);
        }
        Views.shown(credentialWarnings, !vm.credentialWarnings().isEmpty());
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
    private void addClient() {
        vm.oauth().addClient();
    }

    @FXML
    private void addSecret() {
        vm.oauth().addSecret();
    }

    @FXML
    private void copyEndpoint() {
        vm.oauth().copyTokenEndpoint();
        CopyFeedback.on(copyEndpointButton, i18n);
    }

    @FXML
    private void copyClientId() {
        vm.oauth().copyClientId();
        CopyFeedback.on(copyClientIdButton, i18n);
    }

    @FXML
    private void copyClientSecret() {
        vm.oauth().copyClientSecret();
        CopyFeedback.on(copyClientSecretButton, i18n);
    }

    @FXML
    private void addTrust() {
        vm.federation().addTrust();
    }

    @FXML
    private void copyFederationEndpoint() {
        vm.federation().copyTokenEndpoint();
        CopyFeedback.on(copyFederationEndpointButton, i18n);
    }

    @FXML
    private void copyFederationClientId() {
        vm.federation().copyClientId();
        CopyFeedback.on(copyFederationClientIdButton, i18n);
    }

    @FXML
    private void test() {
        vm.testConnection();
    }

    @FXML
    private void copyCommands(ActionEvent e) {
        vm.copyServeCommands();
        CopyFeedback.on((ButtonBase) e.getSource(), i18n);
    }
}
