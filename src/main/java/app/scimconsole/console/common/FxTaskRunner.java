package app.scimconsole.console.common;

import java.util.concurrent.ExecutorService;
import javafx.concurrent.Task;

/** Runs work as {@link javafx.concurrent.Task}s on the console's one shared executor, reporting to the status bar. */
public final class FxTaskRunner implements TaskRunner {
    private final ExecutorService executor;
    private final StatusModel status;
    private final I18n i18n;

    public FxTaskRunner(ExecutorService executor, StatusModel status, I18n i18n) {
        this.executor = executor;
        this.status = status;
        this.i18n = i18n;
    }

    @Override
    public <T> void run(Tasks.Spec<T> spec) {
        if (executor.isShutdown()) {
            return; // closing: late timers may still fire once
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return spec.work().call();
            }
        };
        StatusModel.Activity activity = spec.quiet() ? null : status.begin(spec.description());
        task.setOnSucceeded(e -> {
            finish(activity);
            try {
                spec.onSuccess().accept(task.getValue());
            } finally {
                spec.andFinally().run();
            }
        });
        task.setOnFailed(e -> {
            finish(activity);
            String message = Problems.describe(task.getException(), i18n);
            try {
                if (spec.onError() != null) {
                    spec.onError().accept(message);
                } else {
                    status.error(message);
                }
            } finally {
                spec.andFinally().run();
            }
        });
        task.setOnCancelled(e -> {
            finish(activity);
            spec.andFinally().run();
        });
        executor.execute(task);
    }

    private static void finish(StatusModel.Activity activity) {
        if (activity != null) {
            activity.done();
        }
    }
}
