package app.scimconsole.bench;

import app.scimconsole.domains.TestDnsServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Two builds of {@code serve} side by side (issue 21, what a create costs besides its fsync): the same wrk creates
 * and PATCHes against jar A and jar B in interleaved rounds (A, B, A, B), each on a fresh data folder, so that a
 * shared machine's load falls on both alike. Prints, per round and as medians, creates/s at c1 and c8, PATCHes/s
 * at c1, the wall time of one create at c1, and the CPU the server process spent per create at c1 and c8 (all
 * threads, from /proc: request threads, the writer, GC and JIT alike), the context switches of its threads per create
 * (hand-offs between threads), the CPU of its request threads alone per create and per PATCH (Jetty's {@code scim-http}
 * threads: parsing, checks, preparing the rows, the answer, and the commits they make themselves; not GC or JIT), that
 * of SQLite's writer thread (the commits it makes for the callers), and its resident memory after
 * the run and at its peak: with the same jar on both sides and different JVM options, it compares launch options.
 *
 * <p>{@code java -cp … JarComparison OLD.jar NEW.jar [rounds] [seconds]}; {@code -Djar.jvmA=…} / {@code -Djar.jvmB=…}
 * give each side JVM options (a profiler agent, say). {@code -Djar.users=N} stores users up to N (creates at c8, as
 * the peer comparison stores its {@code compare.users}) before the resident memory is read, so that it is read at
 * that size; {@code -Djar.memoryReport=true} then prints where the memory goes ({@link MemoryReport}).
 */
public final class JarComparison {
    private static final String DOMAIN = "bench.example";
    private static final int SEEDS = 300;
    /** The names of the SCIM listener's Jetty threads, which parse, check, prepare and answer each request. */
    private static final String REQUEST_THREADS = "scim-http";
    /** SQLite's writer thread, which commits the batches that callers do not commit on their own threads. */
    private static final String WRITER_THREAD = "sqlite-writer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Wrk wrk;
    private final Path scratch;
    private final int seconds;
    private final int users = Integer.getInteger("jar.users", 0);
    private final boolean memoryReport = Boolean.getBoolean("jar.memoryReport");
    private final LoadDriver loader = new LoadDriver();

    private JarComparison(Path scratch, int seconds) throws Exception {
        this.scratch = scratch;
        this.wrk = Wrk.in(scratch);
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        Path[] jars = {Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath()};
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<List<String>> jvm = List.of(options("jar.jvmA"), options("jar.jvmB"));
        JarComparison c = new JarComparison(Files.createTempDirectory("jar-comparison"), seconds);
        List<Map<String, List<Double>>> sides = List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.zone(DOMAIN, 1, 300, 60);
            for (int round = 1; round <= rounds; round++) {
                for (int side = 0; side < 2; side++) {
                    Path data = c.scratch.resolve("data-" + round + "-" + side);
                    try (ServerProcess s = OurService.start(jars[side], data, jvm.get(side), dns, DOMAIN)) {
                        Map<String, Double> m = c.measure(s, round);
                        System.out.printf(Locale.ROOT, "round %d %s: %s load %s%n", round, side == 0 ? "A" : "B", m,
                                Files.readString(Path.of("/proc/loadavg")).trim());
                        Map<String, List<Double>> into = sides.get(side);
                        m.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%-28s%12s%12s%10s%n", "median of " + rounds + " rounds", "A", "B", "B/A");
        for (String key : sides.get(0).keySet()) {
            double a = PeerComparison.median(sides.get(0).get(key));
            double b = PeerComparison.median(sides.get(1).get(key));
            System.out.printf(Locale.ROOT, "%-28s%12.1f%12.1f%9.2f×%n", key, a, b, b / a);
        }
        System.out.println("A: " + jars[0] + "\nB: " + jars[1]);
        System.exit(0);
    }

    private static List<String> options(String property) {
        return Arrays.stream(System.getProperty(property, "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private Map<String, Double> measure(ServerProcess s, int round) throws Exception {
        Map<String, Double> m = new LinkedHashMap<>();
        int created = wrk.creates(s.usersUrl(), s.token(), 8, seconds).requests();
        for (int c : new int[] {1, 8}) {
            double cpu0 = s.cpuSeconds();
            double requestCpu0 = s.cpuSeconds(REQUEST_THREADS);
            double writerCpu0 = s.cpuSeconds(WRITER_THREAD);
            long switches0 = s.contextSwitches();
            Wrk.Result r = wrk.creates(s.usersUrl(), s.token(), c, seconds);
            created += r.requests();
            double cpu = s.cpuSeconds() - cpu0;
            m.put("creates/s c" + c, r.rps());
            m.put("CPU µs/create c" + c, cpu * 1e6 / r.requests());
            m.put("req-thr µs/create c" + c, (s.cpuSeconds(REQUEST_THREADS) - requestCpu0) * 1e6 / r.requests());
            m.put("writer µs/create c" + c, (s.cpuSeconds(WRITER_THREAD) - writerCpu0) * 1e6 / r.requests());
            m.put("switches/create c" + c, (s.contextSwitches() - switches0) / (double) r.requests());
            if (c == 1) {
                m.put("wall ms/create c1", 1000 / r.rps());
            }
            m.put("errors c" + c, (double) r.errors());
        }
        Path ids = seed(s, round);
        double cpu0 = s.cpuSeconds();
        double requestCpu0 = s.cpuSeconds(REQUEST_THREADS);
        double writerCpu0 = s.cpuSeconds(WRITER_THREAD);
        Wrk.Result p = wrk.patches(s.usersUrl(), s.token(), 1, seconds, ids);
        m.put("PATCHes/s c1", p.rps());
        m.put("CPU µs/PATCH c1", (s.cpuSeconds() - cpu0) * 1e6 / p.requests());
        m.put("req-thr µs/PATCH c1", (s.cpuSeconds(REQUEST_THREADS) - requestCpu0) * 1e6 / p.requests());
        m.put("writer µs/PATCH c1", (s.cpuSeconds(WRITER_THREAD) - writerCpu0) * 1e6 / p.requests());
        m.put("errors patch", (double) p.errors());
        int more = Math.max(0, users - created - SEEDS);
        if (more > 0) {
            LoadDriver.Stats load = loader.run("load", 8, more, i -> new LoadDriver.Call("POST", s.usersUrl(),
                    EntraShapes.createBody("load-" + round + "-" + i + "@" + DOMAIN, UUID.randomUUID().toString()),
                    s.token()), 201);
            m.put("errors load", (double) load.errors());
        }
        if (memoryReport) {
            System.out.println(MemoryReport.of(s.process().pid()));
        }
        m.put("resident MB after", s.rssMb());
        m.put("peak resident MB", s.peakRssMb());
        return m;
    }

    /** Users for the PATCHes to address; returns the file of their ids. */
    private Path seed(ServerProcess s, int round) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(s.usersUrl()))
                    .header("Authorization", "Bearer " + s.token()).header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString(EntraShapes.createBody("seed-" + round + "-" + i + "@"
                            + DOMAIN, UUID.randomUUID().toString()))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("a seed create was refused: HTTP " + r.statusCode() + " " + r.body());
            }
            ids.add(JSON.readTree(r.body()).path("id").asText());
        }
        return Files.write(scratch.resolve("ids-" + UUID.randomUUID() + ".txt"), ids);
    }
}
