package app.scimconsole.console.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A small builder for background work, after Cryptomator's {@code Tasks}:
 * {@code Tasks.create(() -> api.overview()).describedAs("Loading…").onSuccess(this::show).runOnce(runner)}.
 * The work runs off the FX thread; the callbacks run on it. Without {@code onError}, a failure is shown as a
 * plain-language notification.
 */
public final class Tasks {
    private Tasks() {
    }

    public static <T> Builder<T> create(Callable<T> work) {
        return new Builder<>(work);
    }

    public static Builder<Void> create(ThrowingRunnable work) {
        return new Builder<>(() -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** What a {@link TaskRunner} needs to run one piece of work. */
    public record Spec<T>(Callable<T> work, String description, boolean quiet, Consumer<T> onSuccess,
            Consumer<String> onError, Runnable andFinally) {
    }

    public static final class Builder<T> {
        private final Callable<T> work;
        private String description;
        private boolean quiet;
        private Consumer<T> onSuccess = v -> { };
        private Consumer<String> onError;
        private Runnable andFinally = () -> { };

        private Builder(Callable<T> work) {
            this.work = Objects.requireNonNull(work);
        }

        /** What the status bar says while the work runs. */
        public Builder<T> describedAs(String text) {
            this.description = text;
            return this;
        }

        /** Background polling: no status-bar text or progress while it runs. */
        public Builder<T> quiet() {
            this.quiet = true;
            return this;
        }

        public Builder<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        /** Receives the failure as a plain sentence (see {@link Problems}). */
        public Builder<T> onError(Consumer<String> handler) {
            this.onError = handler;
            return this;
        }

        public Builder<T> andFinally(Runnable handler) {
            this.andFinally = Objects.requireNonNull(handler);
            return this;
        }

        public void runOnce(TaskRunner runner) {
            runner.run(new Spec<>(work, description, quiet, onSuccess, onError, andFinally));
        }
    }
}
