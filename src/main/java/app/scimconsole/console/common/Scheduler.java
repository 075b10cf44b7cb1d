package app.scimconsole.console.common;

import java.time.Duration;

/** Repeats an action on the FX thread (polling, countdowns). Tests use a manual one. */
public interface Scheduler {
    /** Runs {@code action} every {@code period} until the returned handle is cancelled. */
    Cancellable every(Duration period, Runnable action);

    /** Runs {@code action} once after {@code delay} unless the returned handle is cancelled first (debouncing). */
    Cancellable after(Duration delay, Runnable action);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
