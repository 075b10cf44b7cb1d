package app.scimconsole.console.common;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * A dialog in the console's own look: a dialog has its own scene, which would otherwise be stock Modena, light
 * whatever the theme. Its pane gets the window's style sheets (console.css, and console-dark.css in the dark
 * theme), the window's font (Japanese) and the class {@value #STYLE}, on which the style sheets define the palette.
 */
public final class Dialogs {
    /** The class that gives a dialog's pane the console's palette. */
    public static final String STYLE = "console-dialog";
    /** The class a dialog in the dark theme carries besides {@link #STYLE}. */
    public static final String DARK = "theme-dark";

    private Dialogs() {
    }

    /** Styles {@code pane} like {@code owner}'s scene (nothing to copy without an owner: the style sheets then). */
    public static void style(DialogPane pane, Window owner) {
        Scene scene = owner == null ? null : owner.getScene();
        if (scene != null) {
            pane.getStylesheets().setAll(scene.getStylesheets());
            pane.setStyle(scene.getRoot().getStyle()); // the Japanese font, when the console is in Japanese
        } else {
            pane.getStylesheets().setAll(Dialogs.class.getResource(Themes.CSS).toExternalForm());
        }
        if (!pane.getStyleClass().contains(STYLE)) {
            pane.getStyleClass().add(STYLE);
        }
        String dark = Dialogs.class.getResource(Themes.CSS_DARK).toExternalForm();
        pane.getStyleClass().remove(DARK);
        boolean isDark = pane.getStylesheets().contains(dark);
        if (isDark) {
            pane.getStyleClass().add(DARK);
        }
        // The dialog's own window, like the main one, shows its scene's fill until its first frame: not white in dark.
        if (pane.getScene() != null) {
            pane.getScene().setFill(Themes.dialogBackground(isDark));
        }
    }
}
