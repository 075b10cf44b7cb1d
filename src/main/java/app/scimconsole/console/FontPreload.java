package app.scimconsole.console;

import app.scimconsole.console.common.Fonts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The fonts the window's first frame is drawn in, found and opened on a thread of their own while the FX thread loads
 * the main window (issue 21). Done by the first style pass instead, on the FX thread, it was on the way to the first
 * frame: in Japanese the list of the computer's fonts (fontconfig) to find a Japanese family, and that family's two
 * font files (regular and bold, ~20 MB collections each).
 *
 * <p>Safe off the FX thread once the toolkit is up (it is, in {@code Application.init()}): {@link Font#font} and
 * {@link Font#getFamilies} go to JavaFX's font factory, whose look-ups and font-file creation are {@code synchronized}
 * on the one factory, so the FX thread's own look-ups wait for a font being opened here and then find it in the
 * factory's maps; no node, scene or property is touched.
 */
final class FontPreload {
    /** The size of the console's text (console.css: -fx-font-size on .root); the files are the same at any size. */
    private static final double SIZE = 13;

    /**
     * What a window is styled with for Japanese text: its font (an inline style, "" for none) and its code's style
     * sheet (see {@link #namesJapaneseFamily}).
     */
    record Japanese(String style, Optional<String> codeStyleSheet) {
        static final Japanese NONE = new Japanese("", Optional.empty());

        static Japanese in(List<String> installed) {
            Optional<String> family = Fonts.japanese(installed);
            return new Japanese(Fonts.style(family), Fonts.codeStyleSheet(Fonts.japaneseFixedWidth(installed, family)));
        }

        static Japanese lookUp() {
            return in(Font.getFamilies());
        }
    }

    private final boolean named;
    private final CompletableFuture<Japanese> japanese;

    private FontPreload(boolean named, CompletableFuture<Japanese> japanese) {
        this.named = named;
        this.japanese = japanese;
    }

    /** Starts opening the fonts of a window in {@code locale}. Call after the toolkit has started. */
    static FontPreload start(Locale locale) {
        boolean japanese = namesJapaneseFamily(locale, System.getProperty("os.name", ""));
        return new FontPreload(japanese,
                CompletableFuture.supplyAsync(() -> open(japanese), OwnThread.named("console-fonts")));
    }

    /**
     * Whether a window in {@code locale} on {@code osName} is put in a Japanese family: in Japanese, and on Linux in
     * any language, where JavaFX's default font has no Japanese glyphs and does not fall back to a font that has them
     * (seen in a real window, whatever the system's locale), so Japanese names from Entra would be empty boxes in an
     * English window. Windows and macOS fall back to their Japanese fonts.
     */
    static boolean namesJapaneseFamily(Locale locale, String osName) {
        return "ja".equals(locale.getLanguage()) || osName.toLowerCase(Locale.ROOT).contains("linux");
    }

    /**
     * The Japanese window's font and code style sheet (none when no Japanese family is installed); waits for the
     * look-up. A look-up that failed is done again here, as it was before.
     */
    Japanese japanese() {
        try {
            return japanese.join();
        } catch (CompletionException e) {
            return named ? Japanese.lookUp() : Japanese.NONE;
        }
    }

    private static Japanese open(boolean japanese) {
        // The default font, regular and bold (the title, the selected section), in either language.
        Font.font(Font.getDefault().getFamily(), FontWeight.NORMAL, SIZE);
        Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, SIZE);
        if (!japanese) {
            return Japanese.NONE;
        }
        List<String> installed = Font.getFamilies();
        Fonts.japanese(installed).ifPresent(f -> {
            Font.font(f, FontWeight.NORMAL, SIZE);
            Font.font(f, FontWeight.BOLD, SIZE);
        });
        return Japanese.in(installed);
    }
}
