package app.scimconsole.console.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;

/**
 * A page whose live work (polling, countdowns) runs only while it is shown and a service is connected. Started before
 * the connection (a console that opens on this page while its embedded service starts), each read could only fail
 * with "not connected yet", and that notice would outlive the start. So the work waits for the connection, and starts
 * again when another connection replaces it (it reads the new service at once).
 */
public final class LivePage implements Page {
    private final Parent root;
    private final ObservableValue<?> connection;
    private final List<Supplier<Scheduler.Cancellable>> starters;
    private final List<Scheduler.Cancellable> running = new ArrayList<>();
    private boolean shown;

    /** @param connection the current connection, null while there is none */
    public LivePage(Parent root, ObservableValue<?> connection, List<Supplier<Scheduler.Cancellable>> starters) {
        this.root = root;
        this.connection = connection;
        this.starters = List.copyOf(starters);
        connection.addListener((o, was, now) -> {
            if (this.shown) {
                stop();
                start();
            }
        });
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        shown = true;
        start();
    }

    @Override
    public void hidden() {
        shown = false;
        stop();
    }

    private void start() {
        if (running.isEmpty() && connection.getValue() != null) {
            starters.forEach(s -> running.add(s.get()));
        }
    }

    private void stop() {
        running.forEach(Scheduler.Cancellable::cancel);
        running.clear();
    }
}
