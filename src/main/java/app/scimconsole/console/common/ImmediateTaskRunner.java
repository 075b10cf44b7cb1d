package app.scimconsole.console.common;

/**
 * Runs work at once on the calling thread, callbacks included. For view-model tests (no FX toolkit needed) and
 * for nothing else: it would block the FX thread.
 */
public final class ImmediateTaskRunner implements TaskRunner {
    private final StatusModel status;
    private final I18n i18n;

    public ImmediateTaskRunner(StatusModel status, I18n i18n) {
        this.status = status;
        this.i18n = i18n;
    }

    @Override
    public <T> void run(Tasks.Spec<T> spec) {
        T value;
        try {
            value = spec.work().call();
        } catch (Exception | Error e) {
            if (e instanceof Error && !(e instanceof AssertionError)) {
                throw (Error) e;
            }
            String message = Problems.describe(e, i18n);
            try {
                if (spec.onError() != null) {
                    spec.onError().accept(message);
                } else {
                    status.error(message);
                }
            } finally {
                spec.andFinally().run();
            }
            return;
        }
        try {
            spec.onSuccess().accept(value);
        } finally {
            spec.andFinally().run();
        }
    }
}
