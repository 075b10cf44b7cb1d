package app.scimconsole.console.common;

import javafx.animation.PauseTransition;
import javafx.scene.control.ButtonBase;
import javafx.util.Duration;

/**
 * Says "Copied" where the owner looks after pressing a Copy button: on that button, for a moment, then its own text
 * comes back. The status bar still says what was copied; this is the answer next to the pointer. Pressed again while
 * it says so, the moment starts over.
 */
public final class CopyFeedback {
    /** How long the button says it. */
    public static final Duration SHOWN = Duration.millis(1800);
    static final String STYLE = "copied";
    private static final String ORIGINAL = CopyFeedback.class.getName() + ".text";
    private static final String TIMER = CopyFeedback.class.getName() + ".timer";

    private CopyFeedback() {
    }

    /** Shows {@code common.copied} on {@code button} for {@link #SHOWN} (FX thread). */
    public static void on(ButtonBase button, I18n i18n) {
        if (button.getProperties().get(TIMER) instanceof PauseTransition running) {
            running.stop();
        } else {
            button.getProperties().put(ORIGINAL, button.getText());
            button.getStyleClass().add(STYLE);
        }
        button.setText(i18n.text("common.copied"));
        PauseTransition back = new PauseTransition(SHOWN);
        back.setOnFinished(e -> {
            button.setText((String) button.getProperties().remove(ORIGINAL));
            button.getProperties().remove(TIMER);
            button.getStyleClass().remove(STYLE);
        });
        button.getProperties().put(TIMER, back);
        back.play();
    }
}
