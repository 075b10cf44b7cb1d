package app.scimconsole.console.settings;

import app.scimconsole.console.common.CopyFeedback;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Themes;
import app.scimconsole.console.common.Views;
import app.scimconsole.console.settings.SettingsViewModel.Language;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

/** Binds the Settings view to {@link SettingsViewModel}. */
public final class SettingsController {
    @FXML
    private ToggleGroup languageGroup;
    @FXML
    private RadioButton englishRadio;
    @FXML
    private RadioButton japaneseRadio;
    @FXML
    private Label languageNote;
    @FXML
    private ToggleGroup themeGroup;
    @FXML
    private RadioButton systemRadio;
    @FXML
    private RadioButton lightRadio;
    @FXML
    private RadioButton darkRadio;
    @FXML
    private Label connectionLabel;
    @FXML
    private Button connectionButton;
    @FXML
    private TextField publicUrlField;
    @FXML
    private TextField portField;
    @FXML
    private Button saveServiceButton;
    @FXML
    private Label serviceNote;
    @FXML
    private TextField dataFolderField;
    @FXML
    private Label retentionLead;
    @FXML
    private Spinner<Integer> retentionSpinner;
    @FXML
    private Button saveRetentionButton;
    @FXML
    private Label retentionNote;
    @FXML
    private Button copyFolderButton;

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final SettingsViewModel vm;
    private final RetentionViewModel retention;
    private final ObservableStringValue connection;
    private final Runnable openConnection;
    private final I18n i18n;

    public SettingsController(SettingsViewModel vm, RetentionViewModel retention, ObservableStringValue connection,
            Runnable openConnection, I18n i18n) {
        this.vm = vm;
        this.retention = retention;
        this.connection = connection;
        this.openConnection = openConnection;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        CopyFeedback.reserveRoom(copyFolderButton, i18n);
        englishRadio.setUserData(Language.ENGLISH);
        japaneseRadio.setUserData(Language.JAPANESE);
        japaneseRadio.setStyle(app.scimconsole.console.common.Fonts.japaneseStyle()); // 日本語 legible in English too
        languageGroup.selectToggle(vm.languageProperty().get() == Language.JAPANESE ? japaneseRadio : englishRadio);
        languageGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.languageProperty().set((Language) now.getUserData());
            }
        });
        Views.showsText(languageNote, vm.languageNoteProperty());

        systemRadio.setUserData(Themes.SYSTEM);
        lightRadio.setUserData(Themes.LIGHT);
        darkRadio.setUserData(Themes.DARK);
        String t = vm.themeProperty().get();
        themeGroup.selectToggle(Themes.DARK.equals(t) ? darkRadio : Themes.LIGHT.equals(t) ? lightRadio : systemRadio);
        themeGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.themeProperty().set((String) now.getUserData());
            }
        });

        connectionLabel.textProperty().bind(connection);
        publicUrlField.textProperty().bindBidirectional(vm.publicUrlProperty());
        portField.textProperty().bindBidirectional(vm.portProperty());
        saveServiceButton.disableProperty().bind(vm.serviceLoadedProperty().not());
        serviceNote.textProperty().bind(vm.serviceNoteProperty());
        dataFolderField.setText(vm.dataFolder());
        bindRetention();
    }

    /**
     * The spinner's arrows step within the bounds; what is typed goes to the view model as text, which checks it
     * and says what is wrong instead of the spinner quietly putting back the old number.
     */
    private void bindRetention() {
        retentionLead.setText(i18n.text("settings.retention.lead", RetentionViewModel.MIN_DAYS,
                RetentionViewModel.MAX_DAYS));
        SpinnerValueFactory.IntegerSpinnerValueFactory days = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                RetentionViewModel.MIN_DAYS, RetentionViewModel.MAX_DAYS, RetentionViewModel.MIN_DAYS);
        days.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            // What cannot be a number of days in range leaves the value and the text as they are, for the view
            // model to explain; the factory would otherwise clamp it, or the spinner fail on it.
            @Override
            public Integer fromString(String text) {
                Integer typed = RetentionViewModel.days(text);
                return typed == null ? days.getValue() : typed;
            }
        });
        retentionSpinner.setValueFactory(days);
        retentionSpinner.getEditor().textProperty().bindBidirectional(retention.daysProperty());
        retention.savedDaysProperty().addListener((o, was, now) -> retentionSpinner.getValueFactory()
                .setValue(now.intValue()));
        retentionSpinner.disableProperty().bind(retention.loadedProperty().not());
        saveRetentionButton.disableProperty().bind(retention.loadedProperty().not().or(retention.busyProperty()));
        retentionNote.textProperty().bind(retention.noteProperty());
        retention.noteIsErrorProperty().addListener((o, was, error) -> retentionNote.pseudoClassStateChanged(ERROR, error));
    }

    @FXML
    private void openConnection() {
        openConnection.run();
    }

    @FXML
    private void saveService() {
        vm.saveService();
    }

    @FXML
    private void saveRetention() {
        retention.save();
    }

    @FXML
    private void openFolder() {
        vm.openDataFolder();
    }

    @FXML
    private void copyFolder(ActionEvent e) {
        vm.copyDataFolder();
        CopyFeedback.on((ButtonBase) e.getSource(), i18n);
    }
}
