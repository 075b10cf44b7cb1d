package app.scimconsole.console.common;

/** Puts text on the clipboard; an interface so view models stay testable without a toolkit. */
@FunctionalInterface
public interface ClipboardService {
    void copy(String text);

    /** The system clipboard (FX thread). */
    static ClipboardService system() {
        return text -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        };
    }
}
