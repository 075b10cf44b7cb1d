package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.common.Themes;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.value.ChangeListener;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.junit.jupiter.api.Test;

/**
 * The window is its theme's colour from the moment it is mapped: JavaFX hands the scene's fill to the native window
 * when the window is first shown, and the native window shows that colour until JavaFX's first frame. With the
 * default fill (white), a console in the dark theme showed a white window for about a second before its first frame.
 */
class WindowBackgroundUiTest extends ConsoleUiTestBase {

    @Test
    void theWindowIsItsThemesBackgroundFromBeforeItsFirstFrame() throws Exception {
        for (String theme : new String[] {Themes.DARK, Themes.LIGHT}) {
            ctx().settings().update(s -> s.withTheme(theme));
            ctx().settings().flush();
            close();
            AtomicReference<Paint> fillWhenShown = new AtomicReference<>();
            ChangeListener<Boolean> onShowing = (o, was, now) -> {
                if (now && stage.getScene() != null) {
                    fillWhenShown.set(stage.getScene().getFill());
                }
            };
            fx(() -> {
                stage.showingProperty().addListener(onShowing);
                return null;
            });
            try {
                launch();
            } finally {
                fx(() -> {
                    stage.showingProperty().removeListener(onShowing);
                    return null;
                });
            }

            boolean dark = Themes.DARK.equals(theme);
            Color painted = background(fx(() -> (Region) stage.getScene().getRoot()));
            assertThat(fillWhenShown.get()).as("%s: the scene's fill when the window was shown", theme)
                    .isEqualTo(painted).isEqualTo(Themes.background(dark));
            if (dark) {
                assertThat(painted.getBrightness()).as("the dark window's background").isLessThan(0.2);
            } else {
                assertThat(painted.getBrightness()).as("the light window's background").isGreaterThan(0.9);
            }
        }

        // A theme chosen in Settings changes the fill with the style sheets.
        press("#nav-settings");
        press("#darkRadio");
        waitUntil("the dark palette is on", () -> Themes.background(true).equals(stage.getScene().getFill()));
        assertThat(background(fx(() -> (Region) stage.getScene().getRoot()))).isEqualTo(Themes.background(true));
    }

    /** The colour a region paints last over its whole area (its CSS background), once its style has been applied. */
    private Color background(Region r) {
        return fx(() -> {
            r.applyCss();
            return (Color) r.getBackground().getFills().get(r.getBackground().getFills().size() - 1).getFill();
        });
    }
}
