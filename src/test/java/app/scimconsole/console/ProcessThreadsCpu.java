package app.scimconsole.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of every thread of this process, the JIT compilers and the garbage collector included (which the JVM's
 * thread bean does not list), from Linux's {@code /proc/self/task}, in nanoseconds ({@code schedstat}: the clock ticks of
 * {@code stat} are 10 ms, as coarse as a keystroke's work on one thread): what the rest of the process did while the
 * window's thread opened a view or answered a keystroke, on two cores shared with it.
 */
final class ProcessThreadsCpu {
    private ProcessThreadsCpu() {
    }

    /** Nanoseconds on a core so far, by thread name and id. */
    static Map<String, Long> now() {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    String schedstat = Files.readString(t.resolve("schedstat"));
                    out.put(comm + "#" + t.getFileName(), Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** Prints the threads that spent the most between the two, by name (numbered threads of a pool together). */
    static void print(Map<String, Long> before, Map<String, Long> after) {
        print(before, after, 14);
    }

    /** As {@link #print(Map, Map)}, the {@code most} threads that spent the most, on one line each. */
    static void print(Map<String, Long> before, Map<String, Long> after, int most) {
        Map<String, Long> byName = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                byName.merge(k.substring(0, k.indexOf('#')).replaceAll("[0-9]+$", "N"), d, Long::sum);
            }
        });
        byName.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(most)
                .forEach(e -> System.out.printf(java.util.Locale.ROOT, "    %-28s %7.1f ms%n", e.getKey(),
                        e.getValue() / 1e6));
    }
}
