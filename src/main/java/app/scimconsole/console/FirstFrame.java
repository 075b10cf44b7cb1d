package app.scimconsole.console;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs an action once, right after the first frame of a scene: its window is showing and a pulse has laid it out and
 * handed it to the renderer. What must not delay the window (the embedded service, its migrations) starts here.
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Call before the window is shown; {@code action} runs on the FX thread, once. */
    public static void after(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
                return; // a pulse before the window is on screen
            }
            scene.removePostLayoutPulseListener(listener[0]);
            // After this pulse ends, i.e. once its frame has been handed to the renderer.
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
