package app.scimconsole.console;

import java.util.concurrent.Executor;

/** Runs a start-up task on a daemon thread of its own, beside the JavaFX launcher and FX threads (issue 21). */
final class OwnThread {
    private OwnThread() {
    }

    /** An executor that starts a new daemon thread named {@code name} for each task. */
    static Executor named(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }
}
