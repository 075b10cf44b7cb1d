package app.scimconsole.console.common;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the status bar shows: the text of the work in progress (or the last thing that happened), how many
 * background tasks run, and notifications (errors and confirmations) for the notification pane. FX thread only.
 */
public final class StatusModel {
    public enum Kind { INFO, SUCCESS, ERROR }

    /** One notification; {@code seq} makes two equal messages in a row still two events. */
    public record Notice(Kind kind, String text, long seq) {
    }

    private final StringProperty text = new SimpleStringProperty("");
    private final IntegerProperty running = new SimpleIntegerProperty();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private String idleText = "";
    private long seq;

    /** A running piece of work; {@link #done()} ends it. */
    public final class Activity {
        private boolean finished;

        public void done() {
            if (!finished) {
                finished = true;
                running.set(running.get() - 1);
                if (running.get() == 0) {
                    text.set(idleText);
                }
            }
        }
    }

    public Activity begin(String description) {
        running.set(running.get() + 1);
        if (description != null && !description.isBlank()) {
            text.set(description);
        }
        return new Activity();
    }

    /** The text shown when nothing runs, e.g. "Connected to the embedded service". */
    public void idle(String newIdleText) {
        idleText = newIdleText == null ? "" : newIdleText;
        if (running.get() == 0) {
            text.set(idleText);
        }
    }

    public void error(String message) {
        notice.set(new Notice(Kind.ERROR, message, ++seq));
    }

    public void success(String message) {
        notice.set(new Notice(Kind.SUCCESS, message, ++seq));
    }

    public void info(String message) {
        notice.set(new Notice(Kind.INFO, message, ++seq));
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }
}
