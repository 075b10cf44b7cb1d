package app.scimconsole.console.common;

import java.time.Clock;

/**
 * What every view model needs from the application: background work, the status bar, texts, time, the clipboard,
 * confirmations and repetition. The application builds the FX versions; tests build synchronous, manual ones, so
 * view models run without a toolkit.
 */
public record UiKit(TaskRunner tasks, StatusModel status, Texts texts, Clock clock, ClipboardService clipboard,
        Confirmer confirmer, Scheduler scheduler) {

    public I18n i18n() {
        return texts.i18n();
    }

    public String text(String key, Object... args) {
        return texts.i18n().text(key, args);
    }

    /** Reasons (codes and arguments) as sentences in the console's language. */
    public ReasonTexts reasons() {
        return new ReasonTexts(texts);
    }
}
