package app.scimconsole.console.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Parent;

/** A page whose live work (polling, countdowns) runs only while it is shown. */
public final class LivePage implements Page {
    private final Parent root;
    private final List<Supplier<Scheduler.Cancellable>> starters;
    private final List<Scheduler.Cancellable> running = new ArrayList<>();

    public LivePage(Parent root, List<Supplier<Scheduler.Cancellable>> starters) {
        this.root = root;
        this.starters = List.copyOf(starters);
    }

    @Override
    public Parent root() {
        return root;
    }

    @Override
    public void shown() {
        if (running.isEmpty()) {
            starters.forEach(s -> running.add(s.get()));
        }
    }

    @Override
    public void hidden() {
        running.forEach(Scheduler.Cancellable::cancel);
        running.clear();
    }
}
