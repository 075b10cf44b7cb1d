package app.scimconsole.console;

import app.scimconsole.console.common.ClipboardService;
import app.scimconsole.console.common.Confirmer;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.ImmediateTaskRunner;
import app.scimconsole.console.common.Scheduler;
import app.scimconsole.console.common.StatusModel;
import app.scimconsole.console.common.Texts;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link UiKit} for view-model tests: synchronous tasks, a clock and a scheduler the test moves, a recording
 * clipboard; in English unless a test asks for another language.
 */
public final class TestUi {
    public final StatusModel status = new StatusModel();
    public final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    public final List<String> clipboard = new ArrayList<>();
    public final ManualScheduler scheduler = new ManualScheduler();
    public final List<String> confirmations = new ArrayList<>();
    /** The details line of each confirmation asked, in order. */
    public final List<String> confirmationDetails = new ArrayList<>();
    public boolean confirmAnswer = true;
    public final I18n i18n;
    public final UiKit kit;

    public TestUi() {
        this(Locale.ENGLISH);
    }

    /** The console in {@code language}, telling times in UTC. */
    public TestUi(Locale language) {
        i18n = I18n.forLocale(language);
        ClipboardService cb = clipboard::add;
        Confirmer confirmer = (title, header, details, confirm) -> {
            confirmations.add(header);
            confirmationDetails.add(details);
            return confirmAnswer;
        };
        kit = new UiKit(new ImmediateTaskRunner(status, i18n), status, new Texts(i18n, ZoneOffset.UTC), clock, cb, confirmer,
                scheduler);
    }

    public String lastClipboard() {
        return clipboard.isEmpty() ? null : clipboard.get(clipboard.size() - 1);
    }

    public String lastNotice() {
        StatusModel.Notice n = status.noticeProperty().get();
        return n == null ? null : n.text();
    }

    /** Repeating actions that run only when the test says so. */
    public static final class ManualScheduler implements Scheduler {
        private final List<Runnable> actions = new ArrayList<>();

        @Override
        public Cancellable every(Duration period, Runnable action) {
            actions.add(action);
            return () -> actions.remove(action);
        }

        private final List<Runnable> once = new ArrayList<>();

        @Override
        public Cancellable after(Duration delay, Runnable action) {
            once.add(action);
            return () -> once.remove(action);
        }

        /** Runs the pending one-shot actions (debounced work). */
        public void fire() {
            List<Runnable> due = new ArrayList<>(once);
            once.clear();
            due.forEach(Runnable::run);
        }

        public int pending() {
            return once.size();
        }

        public int active() {
            return actions.size();
        }

        public void tick() {
            new ArrayList<>(actions).forEach(Runnable::run);
        }
    }
}
