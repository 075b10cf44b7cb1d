package app.scimconsole.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.console.StartupTrace;
import app.scimconsole.console.context.SettingsStore;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstPaintBenchmarkTest {
    @Test
    void minMedianAndMaxOfTheRuns() {
        assertThat(FirstPaintBenchmark.Stats.of(List.of(900L, 700L, 1500L, 800L, 750L)))
                .isEqualTo(new FirstPaintBenchmark.Stats(700, 800, 1500));
        assertThat(FirstPaintBenchmark.Stats.of(List.of(4L, 1L, 3L, 2L))).isEqualTo(new FirstPaintBenchmark.Stats(1, 3, 4));
        assertThat(FirstPaintBenchmark.Stats.of(List.of(5L))).isEqualTo(new FirstPaintBenchmark.Stats(5, 5, 5));
        assertThatThrownBy(() -> FirstPaintBenchmark.Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksOfTheProcStatLine() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 123 45 0 0 20 0 30 0 99 1 1";
        assertThat(FirstPaintBenchmark.cpuMillisOf(stat)).isEqualTo((123 + 45) * 10);
    }

    @Test
    void aStartIsReadUntilItsServiceReadyWithTheCpuTimeAtTheFirstFrameAndTheFirstScreen() throws Exception {
        AtomicLong cpu = new AtomicLong();
        String log = String.join("\n", "WARNING: Unsupported JavaFX configuration",
                line(StartupTrace.FIRST_FRAME, 1_400), "[worker] INFO something", line(StartupTrace.FIRST_SCREEN, 1_700),
                line(StartupTrace.SERVICE_READY, 2_600), "never read");

        FirstPaintBenchmark.Start s = FirstPaintBenchmark.read(new BufferedReader(new StringReader(log)), 1_000,
                () -> cpu.addAndGet(500), () -> 320);

        assertThat(s).isEqualTo(new FirstPaintBenchmark.Start(400, 1_600, 500, 700, 1_000, 320));
    }

    @Test
    void aBuildWithoutTheFirstScreenLineHadItsPageInItsFirstFrame() throws Exception {
        String log = String.join("\n", line(StartupTrace.FIRST_FRAME, 1_400), line(StartupTrace.SERVICE_READY, 2_600));

        FirstPaintBenchmark.Start s = FirstPaintBenchmark.read(new BufferedReader(new StringReader(log)), 1_000, () -> 900,
                () -> 300);

        assertThat(s).isEqualTo(new FirstPaintBenchmark.Start(400, 1_600, 900, 400, 900, 300));
    }

    @Test
    void aStartThatEndsEarlyOrWhoseServiceFailedOrOutOfOrderHasNoFigures() {
        String noService = String.join("\n", line(StartupTrace.FIRST_FRAME, 1_400), line(StartupTrace.FIRST_SCREEN, 1_500));
        assertThatThrownBy(() -> FirstPaintBenchmark.read(new BufferedReader(new StringReader(noService)), 1_000, () -> 1,
                () -> 1))
                .hasMessageContaining("did not report its start");
        String failed = String.join("\n", line(StartupTrace.FIRST_FRAME, 1_400), "port 8089 in use",
                line(StartupTrace.SERVICE_FAILED, 2_000));
        assertThatThrownBy(() -> FirstPaintBenchmark.read(new BufferedReader(new StringReader(failed)), 1_000, () -> 1,
                () -> 1))
                .hasMessageContaining("did not start").hasMessageContaining("port 8089 in use");
        String screenFirst = line(StartupTrace.FIRST_SCREEN, 1_400);
        assertThatThrownBy(() -> FirstPaintBenchmark.read(new BufferedReader(new StringReader(screenFirst)), 1_000, () -> 1,
                () -> 1))
                .hasMessageContaining("before the first frame");
    }

    @Test
    void theFxThreadsCpuTimeIsThatOfTheTaskNamedAfterIt(@TempDir Path tasks) throws Exception {
        task(tasks, "101", "java", "101 (java) S 1 1 1 0 -1 0 0 0 0 0 500 100 0 0 20 0 30 0 99 1 1");
        task(tasks, "117", "JavaFX Applicat", "117 (JavaFX Applicat) R 1 1 1 0 -1 0 0 0 0 0 41 7 0 0 20 0 30 0 99 1 1");
        task(tasks, "118", "QuantumRenderer", "118 (QuantumRenderer) S 1 1 1 0 -1 0 0 0 0 0 9 1 0 0 20 0 30 0 99 1 1");
        assertThat(FirstPaintBenchmark.fxThreadCpuMillis(tasks)).isEqualTo((41 + 7) * 10);

        Files.delete(tasks.resolve("117/stat"));
        Files.delete(tasks.resolve("117/comm"));
        Files.delete(tasks.resolve("117"));
        assertThat(FirstPaintBenchmark.fxThreadCpuMillis(tasks)).as("no toolkit yet").isEqualTo(-1);
        assertThat(FirstPaintBenchmark.fxThreadCpuMillis(tasks.resolve("gone"))).as("no such process").isEqualTo(-1);
    }

    private static void task(Path tasks, String id, String name, String stat) throws Exception {
        Path t = Files.createDirectories(tasks.resolve(id));
        Files.writeString(t.resolve("comm"), name + "\n");
        Files.writeString(t.resolve("stat"), stat);
    }

    @Test
    void theLanguageAndThemeAskedForAreWhatTheConsoleReadsFromItsSettings(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve(SettingsStore.FILE), FirstPaintBenchmark.settingsJson("ja", "dark"));
        try (SettingsStore store = SettingsStore.open(folder)) {
            assertThat(store.current().language()).isEqualTo("ja");
            assertThat(store.current().theme()).isEqualTo("dark");
        }
        assertThat(FirstPaintBenchmark.settingsJson(null, null)).as("a new user's start: no settings file").isNull();
    }

    private static String line(String event, long at) {
        return "scim-console startup: " + event + " at=" + at;
    }
}
