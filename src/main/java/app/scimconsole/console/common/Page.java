package app.scimconsole.console.common;

import javafx.scene.Parent;

/** A view in the main window's content area. It is told when it is shown and hidden, to start and stop live work. */
public interface Page {
    Parent root();

    default void shown() {
    }

    default void hidden() {
    }

    /**
     * The console has connected to a service (at start, or to another one) while this page is on screen. A page that
     * reads once when shown reads again: shown before the connection (the last view, at start), it could only say
     * that there was none.
     */
    default void connected() {
    }
}
