package app.scimconsole.console.app;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** The About dialog's content: binds the facts of {@link AboutInfo}. */
public final class AboutController {
    @FXML
    private Label versionLabel;
    @FXML
    private TextField dataFolderField;
    @FXML
    private TextArea licencesText;

    private final AboutInfo info;
    private final String versionText;

    public AboutController(AboutInfo info, String versionText) {
        this.info = info;
        this.versionText = versionText;
    }

    @FXML
    private void initialize() {
        versionLabel.setText(versionText);
        dataFolderField.setText(info.dataFolder() == null ? "" : info.dataFolder().toString());
        licencesText.setText(info.licenceLines());
    }
}
