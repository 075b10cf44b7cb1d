package app.scimconsole.bench;

import app.scimconsole.domains.TestDnsServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Our service side by side with the fastest open-source peer, jelhub/scimgateway with its in-memory plugin-loki
 * (issue 21): the same Entra-shaped creates, {@code userName eq} lookups and PATCHes from the C driver {@code wrk},
 * at concurrency 1 and 8, on a fresh store and with {@code compare.users} users stored, then each server process's
 * resident memory and CPU time. Rounds are interleaved (ours, peer, ours, peer), each on a fresh server, so that the
 * other load of a shared machine falls on both. The driver is first shown not to be the limit: against a bare server
 * it must reach at least 3 times the best rate either server reaches at that concurrency.
 *
 * <p>Prints a table, replaces the block between {@value #BEGIN} and {@value #END} in the README with it, and adds the
 * key {@code peer_comparison} to {@code target/bench/results.json}. Run by {@code mvn -Pcompare-peer verify}.
 */
public final class PeerComparison {
    static final String BEGIN = "<!-- peer-comparison:begin -->";
    static final String END = "<!-- peer-comparison:end -->";
    private static final double DRIVER_HEADROOM = 3.0;
    private static final int SEEDS = 1000;
    /** The users' e-mail domain (ours accepts users only in a verified one), as in entra.lua. */
    private static final String DOMAIN = "bench.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A measured figure; throughput ones are better higher, the others lower. */
    record Figure(String key, String label, boolean higherIsBetter) {
    }

    static final List<Figure> FIGURES = List.of(
            new Figure("creates_c1_fresh", "creates/s c1, fresh store", true),
            new Figure("creates_c8_fresh", "creates/s c8, fresh store", true),
            new Figure("lookups_c1_fresh", "lookups/s c1, fresh store", true),
            new Figure("lookups_c8_fresh", "lookups/s c8, fresh store", true),
            new Figure("patches_c1_fresh", "PATCHes/s c1, fresh store", true),
            new Figure("patches_c8_fresh", "PATCHes/s c8, fresh store", true),
            new Figure("creates_c1_large", "creates/s c1, %s users", true),
            new Figure("creates_c8_large", "creates/s c8, %s users", true),
            new Figure("lookups_c1_large", "lookups/s c1, %s users", true),
            new Figure("lookups_c8_large", "lookups/s c8, %s users", true),
            new Figure("patches_c1_large", "PATCHes/s c1, %s users", true),
            new Figure("patches_c8_large", "PATCHes/s c8, %s users", true),
            new Figure("rss_mb", "resident memory after the run, MB", false),
            new Figure("peak_rss_mb", "peak resident memory, MB", false),
            new Figure("cpu_s", "server CPU time, s", false),
            new Figure("cpu_ms_per_1k", "server CPU ms per 1,000 requests", false),
            new Figure("errors", "failed requests (non-2xx, socket)", false));

    private final int rounds = Integer.getInteger("compare.rounds", 2);
    private final int seconds = Integer.getInteger("compare.seconds", 5);
    private final int warmUpSeconds = Integer.getInteger("compare.warmup", 3);
    private final int users = Integer.getInteger("compare.users", 100_000);
    private final String peerVersion = System.getProperty("compare.peerVersion", "6.1.18");
    private final List<String> ourJvm = Arrays.stream(System.getProperty("compare.ourJvm", "").trim().split("\\s+"))
            .filter(s -> !s.isEmpty()).toList();
    private final LoadDriver loader = new LoadDriver();
    private final Path scratch;
    private final Path jar;
    private Wrk wrk;

    private PeerComparison(Path target) throws Exception {
        this.jar = target.resolve("scim-console.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no " + jar + ": build it first (mvn -q -DskipTests package)");
        }
        this.scratch = Files.createTempDirectory("peer-comparison");
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target").toAbsolutePath();
        Path readme = Path.of(args.length > 1 ? args[1] : "README.md").toAbsolutePath();
        PeerComparison comparison = new PeerComparison(target);
        try {
            comparison.run(target.resolve("bench"), readme);
        } finally {
            comparison.deleteScratch();
        }
        System.exit(0);
    }

    private void run(Path outDir, Path readme) throws Exception {
        String loadBefore = loadAverage();
        System.out.println("Peer comparison: load average before " + loadBefore);
        wrk = Wrk.in(scratch);
        ScimGateway peer = ScimGateway.install(scratch.resolve("peer"), peerVersion, System.getProperty("compare.peerSource", ""));
        Map<String, List<Double>> bare = new LinkedHashMap<>();
        Map<String, List<Double>> ours = new LinkedHashMap<>();
        Map<String, List<Double>> theirs = new LinkedHashMap<>();
        try (TestDnsServer dns = TestDnsServer.start()) {
            dns.zone(DOMAIN, 1, 300, 60);
            for (int round = 1; round <= rounds; round++) {
                collect(bare, driverCeiling());
                Path data = scratch.resolve("ours-" + round);
                collect(ours, measure("ours", round, () -> OurService.start(jar, data, ourJvm, dns, DOMAIN)));
                collect(theirs, measure("scimgateway", round, peer::start));
            }
        }
        String loadAfter = loadAverage();
        double[] driver = {median(bare.get("c1")), median(bare.get("c8"))};
        String table = table(ours, theirs, driver, peer, loadBefore, loadAfter);
        System.out.println(table);
        writeReadme(readme, table);
        writeJson(outDir, ours, theirs, driver, loadBefore, loadAfter);
    }

    interface Starter {
        ServerProcess start() throws Exception;
    }

    private Map<String, Double> measure(String side, int round, Starter starter) throws Exception {
        System.out.println("Round " + round + ": " + side + " (load average " + loadAverage() + ")");
        Map<String, Double> m = new LinkedHashMap<>();
        int[] served = {0};
        int[] errors = {0};
        try (ServerProcess s = starter.start()) {
            Wrk.Result warm = wrk.creates(s.usersUrl(), s.token(), 8, warmUpSeconds);
            served[0] += warm.requests();
            int created = warm.requests();
            for (int c : new int[] {1, 8}) {
                Wrk.Result r = record(m, "creates_c" + c + "_fresh", wrk.creates(s.usersUrl(), s.token(), c, seconds), served, errors);
                created += r.requests();
            }
            Path[] seeds = seed(s, round);
            served[0] += SEEDS;
            operations(s, m, "fresh", seeds, served, errors);
            int more = Math.max(0, users - created - SEEDS);
            System.out.println("  storing " + more + " more users");
            LoadDriver.Stats load = loader.run("load", 8, more, i -> new LoadDriver.Call("POST", s.usersUrl(),
                    EntraShapes.createBody("load-" + i + "@bench.example", UUID.randomUUID().toString()), s.token()), 201);
            served[0] += more;
            errors[0] += load.errors();
            for (int c : new int[] {1, 8}) {
                record(m, "creates_c" + c + "_large", wrk.creates(s.usersUrl(), s.token(), c, seconds), served, errors);
            }
            operations(s, m, "large", seeds, served, errors);
            m.put("rss_mb", s.rssMb());
            m.put("peak_rss_mb", s.peakRssMb());
            double cpu = s.cpuSeconds();
            m.put("cpu_s", cpu);
            m.put("cpu_ms_per_1k", cpu * 1000 / served[0] * 1000);
            m.put("errors", (double) errors[0]);
        }
        System.out.println("  " + m);
        return m;
    }

    private void operations(ServerProcess s, Map<String, Double> m, String scale, Path[] seeds, int[] served, int[] errors)
            throws Exception {
        for (int c : new int[] {1, 8}) {
            record(m, "lookups_c" + c + "_" + scale, wrk.lookups(s.usersUrl(), s.token(), c, seconds, seeds[0]), served, errors);
        }
        for (int c : new int[] {1, 8}) {
            record(m, "patches_c" + c + "_" + scale, wrk.patches(s.usersUrl(), s.token(), c, seconds, seeds[1]), served, errors);
        }
    }

    private static Wrk.Result record(Map<String, Double> m, String key, Wrk.Result r, int[] served, int[] errors) {
        m.put(key, r.rps());
        served[0] += r.requests();
        errors[0] += r.errors();
        return r;
    }

    /** Creates the users that lookups and PATCHes address; returns the file of their filters and that of their ids. */
    private Path[] seed(ServerProcess s, int round) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> filters = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            String userName = "seed-" + round + "-" + i + "@bench.example";
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(s.usersUrl()))
                    .header("Authorization", "Bearer " + s.token()).header("Content-Type", "application/scim+json")
                    .POST(HttpRequest.BodyPublishers.ofString(EntraShapes.createBody(userName, UUID.randomUUID().toString())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(s.name() + " refused a create: HTTP " + r.statusCode() + " " + r.body());
            }
            ids.add(JSON.readTree(r.body()).path("id").asText());
            filters.add(URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8).replace("+", "%20"));
        }
        // a lookup that finds nothing is fast too: prove that the filters find the users they name
        HttpResponse<String> found = client.send(HttpRequest.newBuilder(URI.create(s.usersUrl() + "?filter=" + filters.get(0)))
                .header("Authorization", "Bearer " + s.token()).build(), HttpResponse.BodyHandlers.ofString());
        if (JSON.readTree(found.body()).path("totalResults").asInt() != 1) {
            throw new IllegalStateException(s.name() + " did not find a seeded user by its filter: " + found.body());
        }
        String name = s.name() + "-" + round;
        return new Path[] {Files.write(scratch.resolve(name + "-filters.txt"), filters),
                Files.write(scratch.resolve(name + "-ids.txt"), ids)};
    }

    /**
     * wrk's creates against the bare server at c1 and c8, once warm: what the driver reaches when the server is no
     * limit. Measured in each round, next to the servers, since the machine's other load varies.
     */
    private Map<String, Double> driverCeiling() throws Exception {
        try (Ceilings.BareServer bare = Ceilings.BareServer.start()) {
            wrk.creates(bare.url(), "none", 8, 2 * warmUpSeconds);
            Map<String, Double> rates = new LinkedHashMap<>();
            rates.put("c1", wrk.creates(bare.url(), "none", 1, seconds).rps());
            rates.put("c8", wrk.creates(bare.url(), "none", 8, seconds).rps());
            System.out.println("  driver against the bare server: " + rates);
            return rates;
        }
    }

    private static void collect(Map<String, List<Double>> into, Map<String, Double> round) {
        round.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The best rate either server reached at concurrency c, for the driver's headroom. */
    private static double bestRate(Map<String, List<Double>> ours, Map<String, List<Double>> theirs, int c) {
        return FIGURES.stream().filter(f -> f.higherIsBetter() && f.key().contains("_c" + c + "_"))
                .flatMap(f -> java.util.stream.Stream.concat(ours.get(f.key()).stream(), theirs.get(f.key()).stream()))
                .mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private String table(Map<String, List<Double>> ours, Map<String, List<Double>> theirs, double[] driver,
            ScimGateway peer, String loadBefore, String loadAfter) throws Exception {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%-38s", "figure"));
        for (int r = 1; r <= rounds; r++) {
            t.append(String.format(Locale.ROOT, "%10s%10s", "ours " + r, "peer " + r));
        }
        t.append(String.format(Locale.ROOT, "%12s%n", "ours/peer"));
        String scale = String.format(Locale.ROOT, "%,d", users);
        for (Figure f : FIGURES) {
            t.append(String.format(Locale.ROOT, "%-38s", String.format(f.label(), scale)));
            for (int r = 0; r < rounds; r++) {
                t.append(String.format(Locale.ROOT, "%10s%10s", number(ours.get(f.key()).get(r)), number(theirs.get(f.key()).get(r))));
            }
            double ratio = median(ours.get(f.key())) / median(theirs.get(f.key()));
            t.append(Double.isFinite(ratio) ? String.format(Locale.ROOT, "%11.2f×%n", ratio) : String.format("%12s%n", "-"));
        }
        t.append(String.format(Locale.ROOT, "%nDriver: wrk against a bare Jetty server answering a fixed 201 to the same creates (median of the rounds): "
                + "%,.0f/s at c1, %,.0f/s at c8 = %.1f× and %.1f× the best rate either server reached at that concurrency "
                + "(at least %.0f× required: %s).%n", driver[0], driver[1], driver[0] / bestRate(ours, theirs, 1),
                driver[1] / bestRate(ours, theirs, 8), DRIVER_HEADROOM, driverOk(ours, theirs, driver) ? "met" : "NOT MET, the driver is the limit"));
        t.append(String.format(Locale.ROOT, "Ours: serve from target/scim-console.jar, JVM options: %s. Peer: scimgateway %s "
                + "plugin-loki (in memory), Node %s. %d s per figure after a %d s warm-up; %s, rounds: %d, interleaved.%n",
                ourJvm.isEmpty() ? "none (the JVM's defaults)" : String.join(" ", ourJvm), peer.version(),
                ScimGateway.nodeVersion(), seconds, warmUpSeconds, Instant.now().truncatedTo(ChronoUnit.MINUTES), rounds));
        t.append(String.format(Locale.ROOT, "Load average (1, 5, 15 min) before: %s; after: %s; %d cores.%n",
                loadBefore, loadAfter, Runtime.getRuntime().availableProcessors()));
        return t.toString();
    }

    private boolean driverOk(Map<String, List<Double>> ours, Map<String, List<Double>> theirs, double[] driver) {
        return driver[0] >= DRIVER_HEADROOM * bestRate(ours, theirs, 1) && driver[1] >= DRIVER_HEADROOM * bestRate(ours, theirs, 8);
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Replaces what stands between the two markers in the README with the table, as a code block. */
    static String withTable(String readme, String table) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the README has no " + BEGIN + " … " + END + " block");
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n```\n" + table.strip() + "\n```\n" + readme.substring(end);
    }

    private static void writeReadme(Path readme, String table) throws Exception {
        Files.writeString(readme, withTable(Files.readString(readme), table));
        System.out.println("Table written into " + readme);
    }

    private void writeJson(Path outDir, Map<String, List<Double>> ours, Map<String, List<Double>> theirs, double[] driver,
            String loadBefore, String loadAfter) throws Exception {
        Files.createDirectories(outDir);
        Path file = outDir.resolve("results.json");
        ObjectNode results = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        ObjectNode c = results.putObject("peer_comparison");
        c.put("peer", "scimgateway " + peerVersion + " plugin-loki").put("users", users).put("rounds", rounds)
                .put("seconds", seconds).put("our_jvm_options", String.join(" ", ourJvm))
                .put("load_average_before", loadBefore).put("load_average_after", loadAfter)
                .put("driver_bare_c1_rps", Math.round(driver[0])).put("driver_bare_c8_rps", Math.round(driver[1]))
                .put("driver_headroom_c1", round2(driver[0] / bestRate(ours, theirs, 1)))
                .put("driver_headroom_c8", round2(driver[1] / bestRate(ours, theirs, 8)))
                .put("driver_not_the_limit", driverOk(ours, theirs, driver));
        for (Figure f : FIGURES) {
            double o = median(ours.get(f.key()));
            double p = median(theirs.get(f.key()));
            ObjectNode figure = c.putObject(f.key()).put("ours", round2(o)).put("peer", round2(p));
            if (p != 0) {
                figure.put("ratio", round2(o / p));
            }
        }
        Files.writeString(file, results.toPrettyString());
        System.out.println("Results: " + file);
    }

    /** The peer's install and our data folders: nothing of a run stays behind. */
    private void deleteScratch() throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(scratch)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return f[0] + ", " + f[1] + ", " + f[2];
    }
}
