package app.scimconsole.bench;

import app.scimconsole.console.StartupTrace;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The console's start as a new user meets it: the real app in a real X window (an Xvfb of its own when there is no
 * DISPLAY), five times ({@code -Dbench.runs=N}: N), each with a fresh data folder, timed from the moment the process is started to the
 * app's own {@link StartupTrace} lines: the first painted frame, the first screen (the opening section's page in it)
 * and the embedded service ready. Runs
 * {@code java -jar target/scim-console.jar} and, when the installer has been built, the app image's launcher; merges
 * {@code console.first_paint_ms_*}, {@code console.first_screen_ms_*}, {@code console.service_ready_ms_*} (the jar)
 * and {@code console.launcher.*} and {@code installer.image_mb} / {@code installer.deb_mb} into {@code target/bench/results.json}.
 *
 * <p>Run by {@code mvn -Pbench verify} after {@link ServiceBenchmark}, or alone:
 * {@code java -cp <test class path> app.scimconsole.bench.FirstPaintBenchmark target [launcher [other launchers...]]}
 * ({@code -Dbench.launcherOnly=true}: the launchers alone; {@code -Dbench.language=ja}, {@code -Dbench.theme=dark}: each
 * start's settings say so). The commands run interleaved, one start of each per
 * round; other launchers (app images built another way, say) are only printed, for comparison.
 */
public final class FirstPaintBenchmark {
    static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final long TIMEOUT_SECONDS = Long.getLong("bench.timeoutSeconds", 90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private FirstPaintBenchmark() {
    }

    /**
     * One start: milliseconds from the process start to the first frame (the window: header, sidebar, status bar), to
     * the first screen (the opening section's page shown in it) and to the service ready, and the process's CPU time at
     * the first frame and at the first screen.
     */
    record Start(long firstFrameMs, long serviceReadyMs, long firstFrameCpuMs, long firstScreenMs, long firstScreenCpuMs,
            long firstFrameFxCpuMs) {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        Path jar = target.resolve("scim-console.jar");
        // A second argument: another app image's launcher (an earlier build, say), timed instead of the target's.
        Path launcher = args.length > 1 ? Path.of(args[1]) : target.resolve("installer/scim-console/bin/scim-console");
        Path outDir = target.resolve("bench");
        Files.createDirectories(outDir);
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.println("First paint: load average before the runs " + load);
        ObjectNode results = Files.exists(outDir.resolve("results.json"))
                ? (ObjectNode) JSON.readTree(outDir.resolve("results.json").toFile()) : JSON.createObjectNode();
        ObjectNode console = results.has("console") ? (ObjectNode) results.get("console") : results.putObject("console");
        List<Path> others = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            others.add(Path.of(args[i]));
        }
        try (Display display = Display.open()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Command> commands = new ArrayList<>();
            if (!Boolean.getBoolean("bench.launcherOnly")) {
                commands.add(new Command("java -jar", List.of(java, "-jar", jar.toString())));
            }
            if (Files.isExecutable(launcher)) {
                commands.add(new Command("launcher", List.of(launcher.toString())));
            }
            for (Path other : others) {
                commands.add(new Command(other.toString(), List.of(other.toString())));
            }
            Map<String, List<Start>> starts = interleaved(display, commands);
            if (starts.containsKey("java -jar")) {
                put(console, "", starts.get("java -jar"));
            }
            if (starts.containsKey("launcher")) {
                put(console.has("launcher") ? (ObjectNode) console.get("launcher") : console.putObject("launcher"), "",
                        starts.get("launcher"));
            }
        }
        console.put("first_paint_load_average", load);
        Path installer = target.resolve("installer");
        if (Files.isDirectory(installer.resolve("scim-console"))) {
            ObjectNode sizes = results.has("installer") ? (ObjectNode) results.get("installer") : results.putObject("installer");
            // The image as the installer ships it: the AppCDS archive in this build's image is dumped after the
            // installer was made (the .deb dumps its own when installed), so it is counted on its own.
            Path image = installer.resolve("scim-console");
            Path archive = image.resolve("lib/app/scim-console.jsa");
            long archiveBytes = Files.isRegularFile(archive) ? Files.size(archive) : 0;
            sizes.put("image_mb", megabytes(size(image) - archiveBytes));
            sizes.put("archive_mb", megabytes(archiveBytes));
            try (Stream<Path> entries = Files.list(installer)) {
                for (Path deb : entries.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    sizes.put("deb_mb", megabytes(size(deb)));
                }
            }
        }
        Files.writeString(outDir.resolve("results.json"), results.toPrettyString());
        System.out.println("First paint: load average after the runs " + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("Results: " + outDir.resolve("results.json"));
    }

    /** One way to start the console: a name for the report and the command line. */
    record Command(String name, List<String> line) {
    }

    /**
     * Five rounds (or {@code bench.runs}), each starting every command once in turn, so that a change in the machine's load during
     * the runs falls on every command alike rather than on whichever ran last.
     */
    private static Map<String, List<Start>> interleaved(Display display, List<Command> commands) throws Exception {
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        for (int i = 0; i < RUNS; i++) {
            for (Command c : commands) {
                Start s = once(display, c.line());
                System.out.printf(Locale.ROOT, "  %s run %d: first frame %d ms (CPU %d ms, FX thread %d ms), first screen %d ms"
                                + " (CPU %d ms), service ready %d ms%n", c.name(), i + 1, s.firstFrameMs(), s.firstFrameCpuMs(),
                        s.firstFrameFxCpuMs(), s.firstScreenMs(), s.firstScreenCpuMs(), s.serviceReadyMs());
                starts.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(s);
            }
        }
        starts.forEach((name, list) -> {
            Stats frame = Stats.of(list.stream().map(Start::firstFrameMs).toList());
            Stats cpu = Stats.of(list.stream().map(Start::firstFrameCpuMs).toList());
            Stats fxCpu = Stats.of(list.stream().map(Start::firstFrameFxCpuMs).toList());
            Stats screen = Stats.of(list.stream().map(Start::firstScreenMs).toList());
            Stats screenCpu = Stats.of(list.stream().map(Start::firstScreenCpuMs).toList());
            Stats ready = Stats.of(list.stream().map(Start::serviceReadyMs).toList());
            System.out.printf(Locale.ROOT, "%s: first frame min/median/max %d/%d/%d ms (CPU median %d ms, FX thread %d ms);"
                            + " first screen %d/%d/%d ms (CPU median %d ms); service ready %d/%d/%d ms%n", name,
                    frame.min(), frame.median(), frame.max(), cpu.median(), fxCpu.median(), screen.min(), screen.median(), screen.max(),
                    screenCpu.median(), ready.min(), ready.median(), ready.max());
        });
        return starts;
    }

    private static void put(ObjectNode node, String prefix, List<Start> starts) {
        Stats frame = Stats.of(starts.stream().map(Start::firstFrameMs).toList());
        Stats ready = Stats.of(starts.stream().map(Start::serviceReadyMs).toList());
        node.put(prefix + "first_paint_ms_min", frame.min());
        node.put(prefix + "first_paint_ms_median", frame.median());
        node.put(prefix + "first_paint_ms_max", frame.max());
        // The opening section's page, built and shown on the pulse after the first frame.
        Stats screen = Stats.of(starts.stream().map(Start::firstScreenMs).toList());
        node.put(prefix + "first_screen_ms_min", screen.min());
        node.put(prefix + "first_screen_ms_median", screen.median());
        node.put(prefix + "first_screen_ms_max", screen.max());
        node.put(prefix + "first_screen_cpu_ms_median",
                Stats.of(starts.stream().map(Start::firstScreenCpuMs).toList()).median());
        node.put(prefix + "service_ready_ms_min", ready.min());
        node.put(prefix + "service_ready_ms_median", ready.median());
        node.put(prefix + "service_ready_ms_max", ready.max());
        // The process's CPU time (all threads) up to the first frame: what a start costs, much less sensitive than
        // the wall clock to other processes competing for the cores.
        node.put(prefix + "first_paint_cpu_ms_median",
                Stats.of(starts.stream().map(Start::firstFrameCpuMs).toList()).median());
        // The FX thread's own CPU time up to the first frame: the frame's critical path while a second core is free,
        // which shows work moved off that thread (the process's CPU does not).
        node.put(prefix + "first_paint_fx_cpu_ms_median",
                Stats.of(starts.stream().map(Start::firstFrameFxCpuMs).toList()).median());
    }

    /** Minimum, median and maximum of a few figures. */
    record Stats(long min, long median, long max) {
        static Stats of(List<Long> values) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no figures");
            }
            List<Long> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            long median = n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
            return new Stats(sorted.get(0), median, sorted.get(n - 1));
        }
    }

    private static Start once(Display display, List<String> command) throws Exception {
        Path home = Files.createTempDirectory("first-paint");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DISPLAY", display.name());
            pb.environment().remove("WAYLAND_DISPLAY");
            pb.environment().put(StartupTrace.ENV, "1");
            // A new user: an empty data folder (DataFolder reads XDG_DATA_HOME) and no settings of an earlier run.
            pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
            pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
            // The embedded service on a free port rather than the default 8089, which another console or service on
            // a shared machine may hold: its start would fail and end the whole run. Nothing else is set up.
            Path dataFolder = Files.createDirectories(home.resolve("data").resolve("scim-console"));
            Files.writeString(dataFolder.resolve("service.properties"), "port=" + ServerProcess.freePort() + "\n");
            // -Dbench.language=ja / -Dbench.theme=dark: the console as an owner who chose them meets it (the Japanese
            // font is part of the start's cost); without them, the defaults of a new user.
            String settings = settingsJson(System.getProperty("bench.language"), System.getProperty("bench.theme"));
            if (settings != null) {
                Files.writeString(dataFolder.resolve("console.json"), settings);
            }
            long started = System.currentTimeMillis();
            Process p = pb.start();
            try {
                BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
                return read(err, started, () -> cpuMillis(p.pid()),
                        () -> fxThreadCpuMillis(Path.of("/proc", Long.toString(p.pid()), "task")));
            } finally {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        } finally {
            deleteRecursively(home);
        }
    }

    /** The settings file of a console whose owner chose {@code language} and {@code theme}; null when neither is set. */
    static String settingsJson(String language, String theme) {
        if (language == null && theme == null) {
            return null;
        }
        ObjectNode settings = JSON.createObjectNode();
        if (language != null) {
            settings.put("language", language);
        }
        if (theme != null) {
            settings.put("theme", theme);
        }
        return settings.toString();
    }

    /**
     * Reads the console's standard error until it reports its service ready, taking the CPU time ({@code cpuMillis})
     * at the first frame and at the first screen. The service starts after the first screen; a build that prints no
     * first-screen line (one before it, compared as another launcher) built the page into its first frame, so its
     * first screen is its first frame.
     */
    static Start read(BufferedReader err, long started, LongSupplier cpuMillis, LongSupplier fxCpuMillis)
            throws IOException {
        long frame = -1;
        long frameCpu = -1;
        long frameFxCpu = -1;
        long screen = -1;
        long screenCpu = -1;
        List<String> tail = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        String line;
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            var marker = StartupTrace.parse(line);
            if (marker.isEmpty()) {
                tail.add(line);
                continue;
            }
            long ms = marker.get().epochMillis() - started;
            switch (marker.get().event()) {
                case StartupTrace.FIRST_FRAME -> {
                    frame = ms;
                    frameCpu = cpuMillis.getAsLong();
                    frameFxCpu = fxCpuMillis.getAsLong();
                }
                case StartupTrace.FIRST_SCREEN -> {
                    if (frame < 0) {
                        throw new IllegalStateException("the first screen before the first frame");
                    }
                    screen = ms;
                    screenCpu = cpuMillis.getAsLong();
                }
                case StartupTrace.SERVICE_READY -> {
                    if (frame < 0) {
                        throw new IllegalStateException("service ready before the first frame");
                    }
                    return screen < 0 ? new Start(frame, ms, frameCpu, frame, frameCpu, frameFxCpu)
                            : new Start(frame, ms, frameCpu, screen, screenCpu, frameFxCpu);
                }
                case StartupTrace.SERVICE_FAILED -> throw new IllegalStateException("the service did not start: " + tail);
                default -> { }
            }
        }
        throw new IllegalStateException("the console did not report its start within " + TIMEOUT_SECONDS + " s: " + tail);
    }

    /** The X display the console opens on: the caller's, or an Xvfb started for the benchmark. */
    private record Display(String name, Process xvfb) implements AutoCloseable {
        static Display open() throws Exception {
            String current = System.getenv("DISPLAY");
            if (current != null && !current.isBlank()) {
                return new Display(current, null);
            }
            for (int n = 91; n < 120; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process x = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                for (int i = 0; i < 100 && x.isAlive(); i++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                        return new Display(":" + n, x);
                    }
                    Thread.sleep(50);
                }
                x.destroy();
            }
            throw new IllegalStateException("no X display: install Xvfb (apt-get install -y xvfb libgtk-3-0)");
        }

        @Override
        public void close() throws Exception {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** User + system CPU time of a Linux process, all its threads, from /proc (clock ticks of 10 ms); -1 elsewhere. */
    static long cpuMillis(long pid) {
        try {
            return cpuMillisOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * The CPU time of the process's JavaFX Application Thread (its name cut to 15 characters in {@code comm}), from the
     * process's {@code /proc/<pid>/task} folder; -1 when there is none (not Linux, or no toolkit yet).
     */
    static long fxThreadCpuMillis(Path tasks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : threads.toList()) {
                try {
                    if (Files.readString(t.resolve("comm")).startsWith("JavaFX Applicat")) {
                        return cpuMillisOf(Files.readString(t.resolve("stat")));
                    }
                } catch (IOException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** utime + stime (fields 14 and 15) of a /proc/<pid>/stat line, in milliseconds at 100 ticks a second. */
    static long cpuMillisOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state): utime is field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static double megabytes(long bytes) {
        return Math.round(bytes / 1e5) / 10.0;
    }

    private static long size(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
