package app.scimconsole.console.common;

import java.util.List;
import java.util.Optional;
import javafx.scene.text.Font;

/**
 * A font with Japanese glyphs: JavaFX's default font on Linux has none and does not fall back, so the first
 * installed of the usual Japanese UI fonts is named where Japanese is shown (none installed: the default).
 */
public final class Fonts {
    private static final List<String> JAPANESE = List.of("Yu Gothic UI", "Meiryo UI", "Hiragino Sans",
            "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "TakaoPGothic");

    private Fonts() {
    }

    public static Optional<String> japanese() {
        List<String> installed = Font.getFamilies();
        return JAPANESE.stream().filter(installed::contains).findFirst();
    }

    /** The inline style that selects the Japanese font, or "" when none is installed. */
    public static String japaneseStyle() {
        return style(japanese());
    }

    /** The inline style that selects {@code family}, or "" for none (the default font). */
    public static String style(Optional<String> family) {
        return family.map(f -> "-fx-font-family: \"" + f + "\";").orElse("");
    }

}
