package app.scimconsole.service;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A background task run now and then every so often, on a daemon thread of its own (it never keeps the JVM up). */
final class Periodic {
    private Periodic() {
    }

    /** Runs {@code task} now and then {@code every} after each run ends, until the returned timer is shut down. */
    static ScheduledExecutorService start(String threadName, Duration every, Runnable task) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(task, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return timer;
    }
}
