package app.scimconsole.console.settings;

import app.scimconsole.console.common.CopyFeedback;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.Themes;
import app.scimconsole.console.settings.SettingsViewModel.Language;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;

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
    private Button copyFolderButton;

    private final SettingsViewModel vm;
    private final ObservableStringValue connection;
    private final Runnable openConnection;
    private final I18n i18n;

    public SettingsController(SettingsViewModel vm, ObservableStringValue connection, Runnable openConnection,
            I18n i18n) {
        this.vm = vm;
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
        languageNote.textProperty().bind(vm.languageNoteProperty());
        languageNote.visibleProperty().bind(vm.languageNoteProperty().isNotEmpty());
        languageNote.managedProperty().bind(vm.languageNoteProperty().isNotEmpty());

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
    private void openFolder() {
        vm.openDataFolder();
    }

    @FXML
    private void copyFolder(ActionEvent e) {
        vm.copyDataFolder();
        CopyFeedback.on((ButtonBase) e.getSource(), i18n);
    }
}
