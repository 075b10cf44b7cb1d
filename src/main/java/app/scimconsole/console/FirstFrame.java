package app.scimconsole.console;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs an action once, right after the next frame of a scene: its window is showing and a pulse has laid it out and
 * handed it to the renderer. Registered before the window is shown, that is its first frame; what must not delay the
 * window (the opening section's page, then the embedded service and its migrations) starts there.
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** {@code action} runs on the FX thread, once, after the next pulse that lays out the showing window. */
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
        Platform.requestNextPulse(); // a pulse comes even when nothing in the scene has changed
    }
}
