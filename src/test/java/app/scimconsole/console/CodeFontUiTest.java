package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.common.Fonts;
import app.scimconsole.console.common.Themes;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

/**
 * Code and fixed-width values in a Japanese window: console.css names fixed-width families without Japanese glyphs,
 * and JavaFX does not fall back from a named family, so Japanese in them was drawn as empty boxes (Settings' commands
 * for a headless server, a user's JSON). The window's code style sheet names a family that has them; it must reach
 * those nodes over console.css's rule whichever sheet comes last (the theme's are added after it). A logical family
 * stands in for the Japanese one, which a test machine may not have.
 */
class CodeFontUiTest extends ConsoleUiTestBase {

    @Test
    void theCodeStyleSheetPutsCodeAndFixedWidthValuesInItsFamilyInBothThemes() {
        for (boolean dark : new boolean[] {false, true}) {
            String[] families = fx(() -> {
                TextArea code = new TextArea("# コンソールの外で動かす");
                code.getStyleClass().add("code");
                TextField value = new TextField("山田");
                value.getStyleClass().add("mono");
                VBox root = new VBox(code, value);
                Scene scene = new Scene(root);
                Fonts.codeStyleSheet(Optional.of("Serif")).ifPresent(scene.getStylesheets()::add);
                Themes.apply(scene, dark);
                root.applyCss();
                return new String[] {code.getFont().getFamily(), value.getFont().getFamily()};
            });

            assertThat(families).as(dark ? "dark" : "light").containsOnly("Serif");
        }
    }

    @Test
    void withoutItConsoleCssChoosesTheFamily() {
        String family = fx(() -> {
            TextArea code = new TextArea("x");
            code.getStyleClass().add("code");
            Scene scene = new Scene(new VBox(code));
            Themes.apply(scene, false);
            code.applyCss();
            return code.getFont().getFamily();
        });

        assertThat(family).isNotEqualTo("Serif");
    }
}
