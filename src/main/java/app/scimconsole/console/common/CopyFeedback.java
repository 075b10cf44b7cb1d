package app.scimconsole.console.common;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.scene.control.ButtonBase;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * Says "Copied" where the owner looks after pressing a Copy button: on that button, for a moment, then its own text
 * comes back. The status bar still says what was copied; this is the answer next to the pointer. Pressed again while
 * it says so, the moment starts over. The button keeps room for the longer of its two texts ({@link #reserveRoom}), so
 * neither it nor what stands beside it moves when it says so.
 */
public final class CopyFeedback {
    /** How long the button says it. */
    public static final Duration SHOWN = Duration.millis(1800);
    static final String STYLE = "copied";
    private static final String ORIGINAL = CopyFeedback.class.getName() + ".text";
    private static final String TIMER = CopyFeedback.class.getName() + ".timer";

    private CopyFeedback() {
    }

    /**
     * Makes {@code button} at least as wide as it is when it says {@code common.copied}, in the current language and
     * font (measured again when its font, text or padding changes), so the feedback never widens it. Called once,
     * when the view is built.
     */
    public static void reserveRoom(ButtonBase button, I18n i18n) {
        String copied = i18n.text("common.copied");
        InvalidationListener fit = o -> {
            // While it says "Copied", its own text is kept aside: measure that, not the feedback twice.
            String own = button.getProperties().containsKey(ORIGINAL)
                    ? (String) button.getProperties().get(ORIGINAL) : button.getText();
            double widest = Math.max(width(own, button.getFont()), Math.max(width(copied, button.getFont()),
                    width(copied, bold(button.getFont())))); // the feedback may be in bold (console.css)
            double room = button.snappedLeftInset() + button.snappedRightInset()
                    + button.getLabelPadding().getLeft() + button.getLabelPadding().getRight();
            button.setMinWidth(Math.ceil(room + widest) + 1); // + 1: the skin's own rounding never makes it wider
        };
        button.fontProperty().addListener(fit);
        button.textProperty().addListener(fit);
        button.paddingProperty().addListener(fit);
        button.borderProperty().addListener(fit);
        button.labelPaddingProperty().addListener(fit);
        fit.invalidated(null);
    }

    private static double width(String text, Font font) {
        Text measure = new Text(text == null ? "" : text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }

    private static Font bold(Font font) {
        return Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
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
