package app.scimconsole.console.common;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/** {@link Scheduler} on a {@link Timeline}: the action runs on the FX thread and must only start background work. */
public final class FxScheduler implements Scheduler {
    @Override
    public Cancellable every(Duration period, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }

    @Override
    public Cancellable after(Duration delay, Runnable action) {
        javafx.animation.PauseTransition t = new javafx.animation.PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        t.setOnFinished(e -> action.run());
        t.play();
        return t::stop;
    }
}
