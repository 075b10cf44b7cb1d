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

    /** What a Japanese window is styled with: its font (an inline style, "" for none) and its code's style sheet. */
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

    private final CompletableFuture<Japanese> japanese;

    private FontPreload(CompletableFuture<Japanese> japanese) {
        this.japanese = japanese;
    }

    /** Starts opening the fonts of a window in {@code locale}. Call after the toolkit has started. */
    static FontPreload start(Locale locale) {
        boolean japanese = "ja".equals(locale.getLanguage());
        return new FontPreload(CompletableFuture.supplyAsync(() -> open(japanese), task -> {
            Thread t = new Thread(task, "console-fonts");
            t.setDaemon(true);
            t.start();
        }));
    }

    /**
     * The Japanese window's font and code style sheet (none when no Japanese family is installed); waits for the
     * look-up. A look-up that failed is done again here, as it was before.
     */
    Japanese japanese() {
        try {
            return japanese.join();
        } catch (CompletionException e) {
            return Japanese.lookUp();
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
