package app.scimconsole.console.common;

/** Runs {@link Tasks} work off the FX thread and its callbacks on it. Tests use a synchronous one. */
public interface TaskRunner {
    <T> void run(Tasks.Spec<T> spec);
}
