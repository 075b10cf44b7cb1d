package app.scimconsole.console.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    /** Fixed-width families with Japanese glyphs (Linux, Windows, macOS), for code and values shown fixed-width. */
    private static final List<String> JAPANESE_FIXED_WIDTH = List.of("Noto Sans Mono CJK JP", "BIZ UDGothic",
            "MS Gothic", "Osaka-Mono", "IPAGothic", "TakaoGothic");

    private Fonts() {
    }

    public static Optional<String> japanese() {
        return japanese(Font.getFamilies());
    }

    /** The first of the usual Japanese UI families among {@code installed}. */
    public static Optional<String> japanese(List<String> installed) {
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

    /**
     * The family for code and fixed-width values ({@code .code}, {@code .mono}) in a Japanese window: a fixed-width
     * one with Japanese glyphs, else the window's Japanese family {@code japanese} (not fixed-width, but legible:
     * console.css's fixed-width families have no Japanese glyphs, and a named family does not fall back).
     */
    public static Optional<String> japaneseFixedWidth(List<String> installed, Optional<String> japanese) {
        return JAPANESE_FIXED_WIDTH.stream().filter(installed::contains).findFirst().or(() -> japanese);
    }

    /**
     * A style sheet (a {@code data:} URL) that puts code and fixed-width values in {@code family}; its selectors
     * outweigh console.css's whatever the order of the scene's style sheets.
     */
    public static Optional<String> codeStyleSheet(Optional<String> family) {
        return family.map(f -> "data:text/css;base64," + Base64.getEncoder().encodeToString((".root .mono, .root .code"
                + " { -fx-font-family: \"" + f + "\"; }").getBytes(StandardCharsets.UTF_8)));
    }

}
