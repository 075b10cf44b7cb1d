package app.scimconsole.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a server process's resident memory goes (issue 21 item 5), from what Linux and the JVM say of it: the totals of
 * {@code /proc/PID/smaps_rollup} (anonymous against file-backed), the resident size of each file mapped (libjvm, the
 * JDK's modules, SQLite's library), the largest anonymous mappings (the Java heap, the code cache, malloc's arenas:
 * freed memory malloc keeps is resident but in no account of the JVM's), the threads by name, and, when the JVM was
 * started with {@code -XX:NativeMemoryTracking=summary}, its own account ({@code jcmd VM.native_memory summary}).
 */
final class MemoryReport {
    private static final int LARGEST = 12;

    private MemoryReport() {
    }

    static String of(long pid) throws IOException, InterruptedException {
        Path proc = Path.of("/proc", Long.toString(pid));
        StringBuilder out = new StringBuilder("memory of process " + pid + ":\n");
        for (String line : Files.readAllLines(proc.resolve("smaps_rollup"))) {
            if (line.matches("(Rss|Pss_Anon|Pss_File|Anonymous|Private_Dirty|Shared_Clean|Private_Clean):.*")) {
                out.append("  ").append(line.replaceAll("\\s+", " ")).append('\n');
            }
        }
        List<Mapping> mappings = mappings(proc.resolve("smaps"));
        Map<String, Long> files = new TreeMap<>();
        mappings.stream().filter(m -> m.name.startsWith("/")).forEach(m -> files.merge(m.name, m.rssKb, Long::sum));
        out.append("  files mapped, resident KB:\n");
        files.entrySet().stream().filter(e -> e.getValue() >= 256).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(Locale.ROOT, "    %8d %s%n", e.getValue(), e.getKey())));
        out.append("  largest anonymous mappings, resident / size KB:\n");
        mappings.stream().filter(m -> !m.name.startsWith("/")).sorted((a, b) -> Long.compare(b.rssKb, a.rssKb))
                .limit(LARGEST).forEach(m -> out.append(String.format(Locale.ROOT, "    %8d / %8d %s %s%n", m.rssKb,
                        m.sizeKb, m.range, m.name)));
        long anonymousSmall = mappings.stream().filter(m -> !m.name.startsWith("/") && m.sizeKb <= 1024)
                .mapToLong(m -> m.rssKb).sum();
        out.append(String.format(Locale.ROOT, "  anonymous mappings of 1 MB or less (thread stacks, ...): %d KB%n",
                anonymousSmall));
        out.append("  threads: ").append(threads(proc)).append('\n');
        if (nativeMemoryTracked(proc)) {
            out.append(nativeMemory(pid));
        }
        return out.toString();
    }

    private record Mapping(String range, String name, long sizeKb, long rssKb) {
    }

    private static List<Mapping> mappings(Path smaps) throws IOException {
        List<Mapping> all = new ArrayList<>();
        String range = null;
        String name = null;
        long size = 0;
        for (String line : Files.readAllLines(smaps)) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] f = line.split("\\s+", 6);
                range = f[0];
                name = f.length > 5 ? f[5].trim() : "";
            } else if (line.startsWith("Size:")) {
                size = kb(line);
            } else if (line.startsWith("Rss:")) {
                all.add(new Mapping(range, name, size, kb(line)));
            }
        }
        return all;
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("\\D", ""));
    }

    /** Thread names with their digits dropped, counted: "qtp123-45" and "qtp123-46" are two "qtp-". */
    private static Map<String, Integer> threads(Path proc) throws IOException {
        Map<String, Integer> names = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.merge(Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", ""), 1, Integer::sum);
                } catch (IOException ended) {
                    // the thread ended while the list was read
                }
            }
        }
        return names;
    }

    private static boolean nativeMemoryTracked(Path proc) throws IOException {
        return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                .contains("-XX:NativeMemoryTracking=");
    }

    private static String nativeMemory(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary", "scale=KB")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        StringBuilder out = new StringBuilder("  the JVM's own account (NMT), KB:\n");
        // the category lines ("-  Java Heap (reserved=…, committed=…)") and the total, not their details
        text.lines().filter(l -> l.startsWith("Total:") || l.matches("^-\\s+\\S.*\\(reserved=.*"))
                .forEach(l -> out.append("    ").append(l.replaceAll("\\s+", " ").trim()).append('\n'));
        return out.toString();
    }
}
