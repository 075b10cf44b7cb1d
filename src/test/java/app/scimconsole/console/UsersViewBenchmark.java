package app.scimconsole.console;

import app.scimconsole.admin.AdminApi.UserRow;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleOptions;
import app.scimconsole.console.users.UsersViewModel;
import app.scimconsole.http.ServiceConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Times the real console's Users view (headless, Monocle) on a data folder that already holds a large
 * directory: opening the view until the table shows its first page (laid out and drawn), and each search
 * keystroke, typed once the view is idle as a person would, until the table shows the narrowed result. Called by the service benchmark after its large run; not a unit test.
 */
public final class UsersViewBenchmark {
    private UsersViewBenchmark() {
    }

    /**
     * Opening time, slowest keystroke (without the deliberate typing debounce), in ms. Each keystroke must narrow
     * the result so that the table visibly changes (the check waits for the new rows, not the old ones).
     */
    public record Figures(double openMs, double slowestKeystrokeMs, double debounceMs, double openWindowCpuMs,
            double openProcessCpuMs) {
    }

    /**
     * CPU time, read beside the wall clock: on a machine others load, the wait for a core is most of the wall-clock
     * time, while the window's thread's CPU time is what the view itself costs.
     */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static Figures measure(Path dataFolder, List<String> keystrokes) throws Exception {
        for (String[] p : new String[][] {{"testfx.headless", "true"}, {"testfx.robot", "glass"}, {"prism.order", "sw"},
                {"java.awt.headless", "true"}, {"testfx.setup.timeout", "30000"}}) {
            System.setProperty(p[0], p[1]);
        }
        FxToolkit.registerPrimaryStage();
        ConsoleOptions options = new ConsoleOptions(dataFolder, new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, ServiceConfig.DEFAULT_THREADS), "127.0.0.1:9", Clock.systemUTC(),
                Locale.ENGLISH, Duration.ofSeconds(5));
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(options));
        try {
            waitUntil(() -> app.context().connection().stateProperty().get() == ConnectionModel.State.CONNECTED);
            long window = fx(() -> Thread.currentThread().getId());
            long windowCpu0 = THREADS.getThreadCpuTime(window);
            long processCpu0 = PROCESS.getProcessCpuTime();
            Map<String, Long> threadsBefore = ProcessThreadsCpu.now();
            long t0 = System.nanoTime();
            fx(() -> {
                ((ButtonBase) node(app, "#nav-users")).fire();
                return null;
            });
            long[] built = {0, 0};
            waitUntil(() -> fx(() -> {
                TableView<?> table = (TableView<?>) node(app, "#table");
                if (table != null && built[0] == 0) {
                    built[0] = System.nanoTime();
                    built[1] = THREADS.getCurrentThreadCpuTime();
                }
                return table != null && table.getItems().size() == UsersViewModel.PAGE_SIZE;
            }));
            long filled = System.nanoTime();
            // Open means shown: the first page laid out and drawn, not only handed to the table.
            WaitForAsyncUtils.waitForFxEvents();
            double openMs = (System.nanoTime() - t0) / 1e6;
            double openWindowCpuMs = (THREADS.getThreadCpuTime(window) - windowCpu0) / 1e6;
            double openProcessCpuMs = (PROCESS.getProcessCpuTime() - processCpu0) / 1e6;
            Map<String, Long> threadsAfter = ProcessThreadsCpu.now();
            System.out.printf(Locale.ROOT, "Users view: page built %.0f ms, rows in %.0f ms, drawn %.0f ms"
                    + " after the click; CPU time meanwhile: the window's thread %.0f ms (%.0f ms until built),"
                    + " the process %.0f ms%n", (built[0] - t0) / 1e6, (filled - t0) / 1e6, openMs, openWindowCpuMs,
                    (built[1] - windowCpu0) / 1e6, openProcessCpuMs);
            System.out.println("  the threads that spent the most CPU meanwhile:");
            ProcessThreadsCpu.print(threadsBefore, threadsAfter);

            double slowest = 0;
            StringBuilder typed = new StringBuilder();
            for (String key : keystrokes) {
                typed.append(key);
                String text = typed.toString();
                long k0 = System.nanoTime();
                long keyWindowCpu0 = THREADS.getThreadCpuTime(window);
                long keyProcessCpu0 = PROCESS.getProcessCpuTime();
                Map<String, Long> keyThreads0 = ProcessThreadsCpu.now();
                // Told by the table's rows when they change, not polled: a poll every millisecond cost the window's
                // thread (and this one) 10-20 ms of CPU per keystroke, beside the console's own work.
                CountDownLatch narrowed = new CountDownLatch(1);
                fx(() -> {
                    @SuppressWarnings("unchecked")
                    TableView<UserRow> table = (TableView<UserRow>) node(app, "#table");
                    String t = text.toLowerCase(Locale.ROOT);
                    table.getItems().addListener(new ListChangeListener<UserRow>() {
                        @Override
                        public void onChanged(Change<? extends UserRow> c) {
                            if (!table.getItems().isEmpty() && table.getItems().stream().allMatch(r ->
                                    r.userName().toLowerCase(Locale.ROOT).contains(t) || (r.displayName() != null
                                            && r.displayName().toLowerCase(Locale.ROOT).contains(t)))) {
                                table.getItems().removeListener(this);
                                narrowed.countDown();
                            }
                        }
                    });
                    ((TextField) node(app, "#searchField")).setText(text);
                    return null;
                });
                if (!narrowed.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the Users view did not narrow to " + text + " within 60 s");
                }
                double ms = (System.nanoTime() - k0) / 1e6 - UsersViewModel.DEBOUNCE.toMillis();
                System.out.printf(Locale.ROOT, "  %-10s %4.0f ms after the typing pause; CPU time: the window's"
                        + " thread %.0f ms, the process %.0f ms%n", text, ms,
                        (THREADS.getThreadCpuTime(window) - keyWindowCpu0) / 1e6,
                        (PROCESS.getProcessCpuTime() - keyProcessCpu0) / 1e6);
                ProcessThreadsCpu.print(keyThreads0, ProcessThreadsCpu.now(), 10);
                slowest = Math.max(slowest, ms);
            }
            return new Figures(openMs, slowest, UsersViewModel.DEBOUNCE.toMillis(), openWindowCpuMs,
                    openProcessCpuMs);
        } finally {
            FxToolkit.cleanupStages();
            try {
                FxToolkit.cleanupApplication(app);
            } catch (java.util.concurrent.TimeoutException e) {
                // At a million users the console's stop waits for the overview's read of every user; the figures
                // above are measured and stand.
                System.err.println("The console took longer than the set-up timeout to stop.");
            }
        }
    }

    private static Node node(ConsoleApp app, String query) {
        return app.context().window().getScene().lookup(query);
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Users view did not get there within 60 s");
            }
            Thread.sleep(1);
        }
    }
}
