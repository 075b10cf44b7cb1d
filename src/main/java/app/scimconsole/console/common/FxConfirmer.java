package app.scimconsole.console.common;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * {@link Confirmer} as a modal dialog whose safe choice (Cancel) is the default for Enter and Escape, in the console's
 * look and theme ({@link Dialogs}).
 */
public final class FxConfirmer implements Confirmer {
    private final Supplier<Window> owner;
    private final I18n i18n;

    public FxConfirmer(Supplier<Window> owner, I18n i18n) {
        this.owner = owner;
        this.i18n = i18n;
    }

    @Override
    public boolean confirm(String title, String header, String details, String confirm) {
        ButtonType yes = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.text("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, details, yes, no);
        alert.setTitle(title);
        alert.setHeaderText(header);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        alert.setGraphic(null); // the stock question mark is not the console's; the header says what is asked
        Dialogs.style(alert.getDialogPane(), w);
        // The safe choice is the default: Enter on an unread dialog must not regenerate anything.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        alert.getDialogPane().lookupButton(yes).setId("confirmButton");
        alert.getDialogPane().lookupButton(no).setId("cancelButton");
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
