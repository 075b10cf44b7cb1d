package app.scimconsole.console.common;

import javafx.scene.Parent;

/** A view in the main window's content area. It is told when it is shown and hidden, to start and stop live work. */
public interface Page {
    Parent root();

    default void shown() {
    }

    default void hidden() {
    }
}
