package app.scimconsole.bench;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.client.AdminClient;
import app.scimconsole.console.UsersViewBenchmark;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.TestDnsServer;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceLimits;
import app.scimconsole.http.ServiceRuntime;
import app.scimconsole.service.SecretTokens;
import app.scimconsole.service.TenantAdmin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The performance benchmark ({@code mvn -Pbench verify}): the real service (embedded SQLite in a temp folder)
 * driven over HTTP on loopback the way Entra drives it, at 1k and 100k stored users (or as many as asked, up to a
 * million), beside this machine's two
 * ceilings measured in the same run. Prints one table and writes {@code target/bench/results.json}.
 */
public final class ServiceBenchmark {
    private static final String DOMAIN = "bench.example";

    /** Passes of every scenario on a throwaway service before anything is measured. */
    private static final int MIN_WARM_UP_ROUNDS = 3;
    private static final int MAX_WARM_UP_ROUNDS = 10;

    private final LoadDriver driver = new LoadDriver();
    private final List<Row> rows = new ArrayList<>();
    private final int largeUsers;
    /** The large scale as the table and the keys of results.json name it: "100k", "300k", "1m". */
    private final String big;
    /**
     * Only the figures that change with the number of users (a large run on a shared machine): no warm-up and no
     * HTTP ceilings, 1k and the large scale on SQLite and on PostgreSQL.
     */
    private final boolean scaleOnly;
    /** Only PostgreSQL's figures, in the way of {@link #scaleOnly} ({@code bench.scope=postgres}). */
    private final boolean postgresOnly;
    private double httpCeilingC1 = Double.NaN;
    private double httpCeilingC8 = Double.NaN;

    private ServiceBenchmark(int largeUsers) {
        this(largeUsers, false);
    }

    private ServiceBenchmark(int largeUsers, boolean scaleOnly) {
        this(largeUsers, scaleOnly, false);
    }

    private ServiceBenchmark(int largeUsers, boolean scaleOnly, boolean postgresOnly) {
        this.largeUsers = largeUsers;
        this.big = scaleLabel(largeUsers);
        this.scaleOnly = scaleOnly || postgresOnly;
        this.postgresOnly = postgresOnly;
    }

    static String scaleLabel(int users) {
        return users >= 1_000_000 && users % 1_000_000 == 0 ? users / 1_000_000 + "m" : users / 1000 + "k";
    }

    record Row(String scale, LoadDriver.Stats stats, double ceiling) {
    }

    /** A running service with a verified domain, its tenant URL and token. */
    record Service(ServiceRuntime runtime, TestDnsServer dns, String url, String token, Path dir) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            runtime.close();
            dns.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("unauthenticated")) {
            new ServiceBenchmark(0).runUnauthenticated();
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("history")) {
            new ServiceBenchmark(0).runHistoryCost(Path.of(args.length > 1 ? args[1] : "target/bench"));
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("events")) {
            int cycle = args.length > 2 && args[2].matches("\\d+") ? Integer.parseInt(args[2]) : 100_000;
            int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
            boolean postgresOnly = args.length > 4 && args[4].equals("postgres");
            new ServiceBenchmark(cycle).runEventsCost(Path.of(args.length > 1 ? args[1] : "target/bench"), rounds,
                    postgresOnly);
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("creates")) {
            // in the bench profile: -Dbench.users=creates [-Dbench.scope=100000 for an initial cycle after]
            int cycle = args.length > 2 && args[2].matches("\\d+") ? Integer.parseInt(args[2]) : 0;
            new ServiceBenchmark(cycle).runCreateShare(Path.of(args.length > 1 ? args[1] : "target/bench"));
            System.exit(0);
        }
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path out = Path.of(args.length > 1 ? args[1] : "target/bench");
        if (args.length > 3 && args[2].equals("console")) {
            new ServiceBenchmark(large, true).runConsole(Path.of(args[3]), out);
            System.exit(0);
        }
        String scope = args.length > 2 ? args[2] : "all";
        new ServiceBenchmark(large, scope.equals("scale"), scope.equals("postgres")).run(out);
        // The console's JavaFX toolkit keeps non-daemon threads; the benchmark is done. (Platform.exit() here would
        // race the JVM's shutdown and print a toolkit error.)
        System.exit(0);
    }

    private void run(Path outDir) throws Exception {
        Files.createDirectories(outDir);
        Path scratch = Files.createTempDirectory("scim-bench");
        ObjectNode results = new ObjectMapper().createObjectNode();

        String sampleBody = createBody("ceiling-0@" + DOMAIN);
        ObjectNode ceilingJson = results.putObject("ceiling");
        ObjectNode service = results.putObject("service");
        if (!scaleOnly) {
            warmUp(scratch, sampleBody, results, ceilingJson);
        }
        if (!postgresOnly) {
            sqlite(scratch, sampleBody, results, ceilingJson, service);
        }
        results.put("large_users", largeUsers);
        results.put("scale_label", big);
        // written once before PostgreSQL too: a run at a million users that is stopped there keeps its SQLite figures
        Files.writeString(outDir.resolve("results.json"), results.toPrettyString());
        results.set("postgres", postgres(scratch, sampleBody));
        results.put("load_average", uptime());
        Files.writeString(outDir.resolve("results.json"), results.toPrettyString());
        printTable(results);
    }

    /** 1k users and the large scale on SQLite, and the console's Users view on the large folder. */
    private void sqlite(Path scratch, String sampleBody, ObjectNode results, ObjectNode ceilingJson, ObjectNode service)
            throws Exception {
        try (Service small = start(scratch.resolve("small"))) {
            System.out.println("Seeding 1,000 users ...");
            List<String> ids = seed(small, 1000);
            measure(small, "1k", ids, service);
            if (!scaleOnly) {
                measureHistoryCost(small, "1k", service);
                measureEventsCost(small, "1k", service);
                measureUnauthenticated(small, "1k", service);
            }
        }
        ObjectNode console = results.putObject("console");
        try (Service large = start(scratch.resolve("large"))) {
            resetPeakHeap();
            System.out.printf(Locale.ROOT, "Initial cycle: %,d users, %,d groups of 50 members ...%n", largeUsers, largeUsers / 100);
            long t0 = System.nanoTime();
            List<String> names = initialCycle(large, largeUsers, largeUsers / 100, 50);
            double cycleSeconds = (System.nanoTime() - t0) / 1e9;
            results.put("initial_cycle_" + big + "_s", round(cycleSeconds));
            if (!scaleOnly) {
                measureHttpCeiling(big, sampleBody);
                ceilingJson.put("http_c1_rps_" + big, round(httpCeilingC1)).put("http_c8_rps_" + big, round(httpCeilingC8));
            }
            measure(large, big, names, service);
            service.put("heap_mb_" + big, round(usedHeapAfterGcMb()));
            service.put("heap_peak_mb_" + big, round(peakHeapMb()));
            service.put("heap_max_mb", round(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0)));
            long bytes = databaseBytes(large.dir());
            results.put("db_kb_per_1k_users", round(bytes / 1024.0 / (largeUsers / 1000.0)));
            results.put("db_mb_" + big, round(bytes / 1024.0 / 1024.0));
            measureAdmin(large, console);
            large.runtime().close(); // the console opens the same data folder with its own embedded service
            System.out.println("Timing the console's Users view on " + largeUsers + " users (headless) ...");
            UsersViewBenchmark.Figures view = UsersViewBenchmark.measure(large.dir(), searchKeystrokes(largeUsers));
            console.put("users_view_open_ms_" + big, round(view.openMs()));
            console.put("filter_keystroke_ms_" + big, round(view.slowestKeystrokeMs()));
            console.put("typing_debounce_ms", view.debounceMs());
        }
    }

    /**
     * Only the console's figures, on a data folder that already holds the users (a copy of a large run's folder):
     * the admin API's queries behind the Users view, then the real console's Users view. Writes
     * {@code results-console.json}.
     */
    private void runConsole(Path dataFolder, Path outDir) throws Exception {
        ObjectNode console = new ObjectMapper().createObjectNode();
        Files.createDirectories(outDir);
        Path scratch = Files.createTempDirectory("scim-bench");
        try (Service small = start(scratch.resolve("small"))) {
            List<String> names = seed(small, 1000);
            console.put("lookup_p99_ms_1k", round(driver.run("lookup c1", 1, 2000, i -> get(small, "/Users?filter="
                    + enc("userName eq \"" + names.get(i % names.size()) + "\"")), 200).percentile(99)));
        }
        ServiceRuntime runtime = ServiceRuntime.start(SqliteDirectory.open(dataFolder), new ServiceConfig("127.0.0.1", 0,
                null, ServiceConfig.DEFAULT_MAX_BODY, ServiceConfig.DEFAULT_THREADS)
                .withLimits(ServiceLimits.defaults().withRate(1e9, 1_000_000_000)), "127.0.0.1:9", Clock.systemUTC());
        try {
            TenantAdmin.Credentials c = new TenantAdmin(runtime.directory(), Clock.systemUTC()).enable();
            String url = runtime.server().tenantUrl(c.tenantId());
            ThreadLocalRandom r = ThreadLocalRandom.current();
            console.put("lookup_p99_ms_" + big, round(driver.run("lookup c1", 1, 2000, i -> new LoadDriver.Call("GET",
                    url + "/Users?filter=" + enc("userName eq \"user-" + r.nextInt(largeUsers) + "@" + DOMAIN + "\""),
                    null, c.secretToken()), 200).percentile(99)));
            measureAdmin(runtime, console);
            console.put("heap_mb_" + big, round(usedHeapAfterGcMb()));
        } finally {
            runtime.close();
        }
        console.put("db_mb_" + big, round(Files.size(dataFolder.resolve(SqliteDirectory.FILE_NAME)) / 1024.0 / 1024.0));
        Files.writeString(outDir.resolve("results-console.json"), console.toPrettyString());
        System.out.println(console.toPrettyString());
        UsersViewBenchmark.Figures view = UsersViewBenchmark.measure(dataFolder, searchKeystrokes(largeUsers));
        console.put("users_view_open_ms_" + big, round(view.openMs()));
        console.put("filter_keystroke_ms_" + big, round(view.slowestKeystrokeMs()));
        console.put("load_average", uptime());
        Files.writeString(outDir.resolve("results-console.json"), console.toPrettyString());
        System.out.println(console.toPrettyString());
    }

    /** The machine's load averages while the benchmark ran (the figures of a shared machine say so). */
    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The ceilings, a throwaway service driven until its creates settle, and the ceilings again. */
    private void warmUp(Path scratch, String sampleBody, ObjectNode results, ObjectNode ceilingJson) throws Exception {
        System.out.println("Measuring the ceilings of this machine ...");
        warmUpCeiling(sampleBody);
        double sqliteCeiling = Ceilings.sqliteInsertsPerSecond(scratch, 3000);
        ceilingJson.put("sqlite_insert_rps", round(sqliteCeiling));
        System.out.println("Warming up (a throwaway service, so that the first scale is not measured cold) ...");
        try (Service warm = start(scratch.resolve("warm-up"))) {
            List<String> names = seed(warm, 3000);
            // Like the ceiling, the service is driven until its rate settles (creates reach their compiled speed
            // only after tens of thousands of requests), at least MIN_WARM_UP_ROUNDS passes of every scenario.
            untilSettled(MIN_WARM_UP_ROUNDS, MAX_WARM_UP_ROUNDS, pass -> {
                measure(warm, "warm-up " + pass, names, results.putObject("warm_up"));
                double creates = createRate("warm-up " + pass);
                System.out.printf(Locale.ROOT, "  warm-up pass %d: creates c8 %.0f/s%n", pass + 1, creates);
                return creates;
            });
            rows.removeIf(r -> r.scale().startsWith("warm-up"));
            results.remove("warm_up");
        }
        // The ceiling again, now that the service's warm-up has run too: each scale is compared with the ceiling
        // measured right before it, in the same state of the JIT and the machine.
        measureHttpCeiling("1k", sampleBody);
        ceilingJson.put("http_c1_rps", round(httpCeilingC1)).put("http_c8_rps", round(httpCeilingC8));
    }

    /**
     * Runs the bare-server ceiling until its rate settles: the driver's HTTP client and the server reach their
     * compiled speed only after tens of thousands of requests, and a ceiling measured cold flatters every ratio.
     */
    private void warmUpCeiling(String body) throws Exception {
        untilSettled(2, 15, pass -> Ceilings.http(driver, 8, 6000, body).rps());
    }

    /** One warm-up pass; returns the rate it reached. */
    @FunctionalInterface
    private interface Pass {
        double run(int pass) throws Exception;
    }

    /** Runs passes until two in a row are within 5 % of each other (at least {@code min}, at most {@code max}). */
    private static void untilSettled(int min, int max, Pass pass) throws Exception {
        double previous = 0;
        for (int i = 0; i < max; i++) {
            double rate = pass.run(i);
            if (i + 1 >= min && Math.abs(rate - previous) < 0.05 * rate) {
                return;
            }
            previous = rate;
        }
    }

    /**
     * What the owner types, one keystroke after another, to find a user that exists at this scale: "user-4", "2",
     * "1", "3" at 100,000 users (user-4213 and user-42130 … user-42139 match), fewer digits at smaller scales.
     */
    static List<String> searchKeystrokes(int users) {
        String digits = String.valueOf(users * 4213L / 10_000);
        List<String> keys = new ArrayList<>(List.of("user-" + digits.charAt(0)));
        for (int i = 1; i < Math.min(4, digits.length()); i++) {
            keys.add(String.valueOf(digits.charAt(i)));
        }
        return keys;
    }

    /**
     * The search field's text after each keystroke, from the first letter: "u", "us", "use", "user", "user-", then
     * {@link #searchKeystrokes} one after another ("user-4", "user-42", … at 100,000 users).
     */
    static List<String> typedSearch(int users) {
        List<String> typed = new ArrayList<>(List.of("u", "us", "use", "user", "user-"));
        String search = "";
        for (String keys : searchKeystrokes(users)) {
            search += keys;
            typed.add(search);
        }
        return typed;
    }

    /** The creates per second at concurrency 8 measured at {@code scale}. */
    private double createRate(String scale) {
        return rows.stream().filter(r -> r.scale().equals(scale) && r.stats().name().equals("create c8"))
                .mapToDouble(r -> r.stats().rps()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no create c8 figure at " + scale));
    }

    /** The HTTP ceilings at concurrency 1 and 8, listed in the table under {@code scale}. */
    private void measureHttpCeiling(String scale, String body) throws Exception {
        LoadDriver.Stats ceiling8 = Ceilings.http(driver, 8, 6000, body);
        LoadDriver.Stats ceiling1 = Ceilings.http(driver, 1, 1500, body);
        httpCeilingC1 = ceiling1.rps();
        httpCeilingC8 = ceiling8.rps();
        rows.add(new Row(scale, ceiling1, Double.NaN));
        rows.add(new Row(scale, ceiling8, Double.NaN));
    }

    /** The same scenarios on PostgreSQL (a local server at full durability: fsync and synchronous commit on). */
    private ObjectNode postgres(Path scratch, String sampleBody) throws Exception {
        ObjectNode pg = new ObjectMapper().createObjectNode();
        System.out.println("Starting PostgreSQL (fsync=on, synchronous_commit=on) ...");
        try (BenchPostgres server = BenchPostgres.start()) {
            if (!scaleOnly) {
                measureHttpCeiling("pg 1k", sampleBody);
                pg.put("http_c8_rps", round(httpCeilingC8));
            }
            try (Service small = start(scratch.resolve("pg-small"), server.freshDirectory())) {
                measure(small, "pg 1k", seed(small, 1000), pg);
                if (!scaleOnly) {
                    measureHistoryCost(small, "pg 1k", pg);
                    measureEventsCost(small, "pg 1k", pg);
                    measureUnauthenticated(small, "pg 1k", pg);
                }
            }
            try (Service large = start(scratch.resolve("pg-large"), server.freshDirectory())) {
                resetPeakHeap();
                System.out.printf(Locale.ROOT, "PostgreSQL initial cycle: %,d users ...%n", largeUsers);
                long t0 = System.nanoTime();
                List<String> names = initialCycle(large, largeUsers, largeUsers / 100, 50);
                pg.put("initial_cycle_" + big + "_s", round((System.nanoTime() - t0) / 1e9));
                measure(large, "pg " + big, names, pg);
                pg.put("heap_mb_" + big, round(usedHeapAfterGcMb()));
                pg.put("heap_peak_mb_" + big, round(peakHeapMb()));
                pg.put("db_mb_" + big, round(server.lastDatabaseBytes() / 1024.0 / 1024.0));
                measureAdmin(large, pg);
            }
        }
        return pg;
    }

    /**
     * Only the 401 figures ({@code ServiceBenchmark unauthenticated}, or {@code -Dbench.users=unauthenticated} in the
     * bench profile), on SQLite and on PostgreSQL: minutes instead of the whole benchmark, on a machine others share.
     */
    private void runUnauthenticated() throws Exception {
        Path scratch = Files.createTempDirectory("scim-bench-401");
        ObjectNode results = new ObjectMapper().createObjectNode();
        System.out.println("401 timings: load average before " + uptime()); // the machine may be shared
        try (Service sqlite = start(scratch.resolve("sqlite"))) {
            measureUnauthenticated(sqlite, "1k", results.putObject("service"));
        }
        try (BenchPostgres server = BenchPostgres.start();
                Service pg = start(scratch.resolve("pg"), server.freshDirectory())) {
            measureUnauthenticated(pg, "pg 1k", results.putObject("postgres"));
        }
        printRows();
        System.out.println("401 timings: load average after " + uptime());
    }

    /** The results a full run wrote to {@code file}, to add to (none yet: empty). */
    private static ObjectNode existingResults(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
    }

    /** The part {@code name} of {@code results} ("service", "postgres"), added if absent. */
    private static ObjectNode section(ObjectNode results, String name) {
        return results.has(name) ? (ObjectNode) results.get(name) : results.putObject(name);
    }

    /**
     * Only the history rows ({@code ServiceBenchmark history}, or {@code -Dbench.users=history} in the bench profile),
     * on SQLite and on PostgreSQL, at 1,000 users; their keys are added to {@code results.json} (kept if present).
     */
    private void runHistoryCost(Path outDir) throws Exception {
        Files.createDirectories(outDir);
        Path scratch = Files.createTempDirectory("scim-bench-history");
        Path file = outDir.resolve("results.json");
        ObjectNode results = existingResults(file);
        ObjectNode service = section(results, "service");
        ObjectNode pg = section(results, "postgres");
        try (Service sqlite = start(scratch.resolve("sqlite"))) {
            seed(sqlite, 1000);
            measureHistoryCost(sqlite, "1k", service);
        }
        try (BenchPostgres server = BenchPostgres.start();
                Service postgres = start(scratch.resolve("pg"), server.freshDirectory())) {
            seed(postgres, 1000);
            measureHistoryCost(postgres, "pg 1k", pg);
        }
        Files.writeString(file, results.toPrettyString());
        printRows();
    }

    /**
     * Only the directory events' cost ({@code ServiceBenchmark events [users [rounds]]}, or {@code
     * -Dbench.users=events} in the bench profile, {@code -Dbench.scope=USERS} for another size of cycle than
     * 100,000), on SQLite and on PostgreSQL: the creates with history and events on and with both off at 1,000 users,
     * then Entra's initial cycle with the events on and off alternately, each on a fresh service. Their keys are added
     * to {@code results.json} (kept if present). {@code postgresOnly} ({@code ServiceBenchmark events DIR USERS ROUNDS
     * postgres}): PostgreSQL alone, to compare two builds whose SQLite path is the same.
     */
    private void runEventsCost(Path outDir, int rounds, boolean postgresOnly) throws Exception {
        Path file = outDir.resolve("results.json");
        ObjectNode results = existingResults(file);
        results.put("events_load_average_start", uptime());
        ObjectNode service = section(results, "service");
        ObjectNode pg = section(results, "postgres");
        Files.createDirectories(outDir);
        Path scratch = Files.createTempDirectory("scim-bench-events");
        int[] n = {0};
        if (!postgresOnly) {
            try (Service sqlite = start(scratch.resolve("sqlite"))) {
                seed(sqlite, 1000);
                measureEventsCost(sqlite, "1k", service);
            }
            measureEventsCycle(rounds, () -> start(scratch.resolve("cycle-" + n[0]++)), "", service);
            Files.writeString(file, results.toPrettyString());
        }
        try (BenchPostgres server = BenchPostgres.start()) {
            try (Service postgres = start(scratch.resolve("pg"), server.freshDirectory())) {
                seed(postgres, 1000);
                measureEventsCost(postgres, "pg 1k", pg);
            }
            measureEventsCycle(rounds, () -> start(scratch.resolve("pg-cycle-" + n[0]++), server.freshDirectory()),
                    "pg ", pg);
        }
        results.put("events_load_average_end", uptime());
        Files.writeString(file, results.toPrettyString());
        printRows();
        if (!postgresOnly) {
            printEventsCycle("SQLite", service);
        }
        printEventsCycle("PostgreSQL", pg);
    }

    /**
     * What the directory events (the outbox of the webhooks, the pull feed) cost a create: creates at concurrency 8
     * with the attribute history and the events stored, and with neither (the benchmark's own switches; the activity
     * entry is written either way), in alternating rounds.
     */
    private void measureEventsCost(Service s, String scale, ObjectNode into) throws Exception {
        double[] rps = alternatingCreates(s, scale, "evt-", List.of("creates (history+events on)",
                "creates (both off)"), on -> {
                    s.runtime().core().storeHistory(on);
                    s.runtime().core().raiseEvents(on);
                });
        into.put("create_c8_rps_history_events_on", round(rps[0])).put("create_c8_rps_history_events_off", round(rps[1]));
    }

    /** Starts a fresh service (an empty database). */
    @FunctionalInterface
    private interface Fresh {
        Service start() throws Exception;
    }

    /**
     * What the directory events cost Entra's initial cycle at the large scale: {@code rounds} cycles with the events
     * raised and as many without (the attribute history stored in both, as always), each on a fresh service, in the
     * order on, off, off, on, on, off … so that neither a warming JIT nor a trend in the machine's load favours one.
     * Keys: {@code initial_cycle_<scale>_events_on_s} / {@code _off_s} (each a mean), the runs themselves, and
     * {@code initial_cycle_<scale>_events_ratio} (on ÷ off: 1.3 would be 30 % longer with the events).
     */
    private void measureEventsCycle(int rounds, Fresh fresh, String engine, ObjectNode into) throws Exception {
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        com.fasterxml.jackson.databind.node.ArrayNode loads = into.putArray("initial_cycle_" + big + "_events_load");
        // Unmeasured: a smaller cycle each way first, so that the lookups, group creates and member PATCHes (not
        // warmed by the creates) do not run cold in the first measured cycle.
        int warmUp = Math.max(1000, largeUsers / 5);
        for (int i = -2; i < 2 * rounds; i++) {
            boolean events = i < 0 ? i == -2 : (i + 1) / 2 % 2 == 0;
            int users = i < 0 ? warmUp : largeUsers;
            try (Service s = fresh.start()) {
                s.runtime().core().raiseEvents(events);
                System.out.printf(Locale.ROOT, "%sinitial cycle %s, events %s: %,d users, %,d groups of 50 ...%n",
                        engine, i < 0 ? "warm-up" : (i + 1) + " of " + 2 * rounds, events ? "on" : "off", users,
                        users / 100);
                long t0 = System.nanoTime();
                initialCycle(s, users, users / 100, 50);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "  %.1f s (load %s)%n", seconds, uptime());
                if (i >= 0) {
                    (events ? on : off).add(seconds);
                    loads.add(uptime());
                }
            }
        }
        double meanOn = on.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanOff = off.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        into.put("initial_cycle_" + big + "_events_on_s", round(meanOn));
        into.put("initial_cycle_" + big + "_events_off_s", round(meanOff));
        com.fasterxml.jackson.databind.node.ArrayNode onRuns = into.putArray("initial_cycle_" + big + "_events_on_runs_s");
        com.fasterxml.jackson.databind.node.ArrayNode offRuns = into.putArray("initial_cycle_" + big + "_events_off_runs_s");
        on.forEach(v -> onRuns.add(round(v)));
        off.forEach(v -> offRuns.add(round(v)));
        into.put("initial_cycle_" + big + "_events_ratio", Math.round(meanOn / meanOff * 100) / 100.0);
        // each round's own ratio: its cycle with the events beside the one without that ran next to it
        com.fasterxml.jackson.databind.node.ArrayNode ratios = into.putArray("initial_cycle_" + big + "_events_round_ratios");
        for (int r = 0; r < rounds; r++) {
            ratios.add(Math.round(on.get(r) / off.get(r) * 100) / 100.0);
        }
    }

    private void printEventsCycle(String engine, JsonNode figures) {
        System.out.printf(Locale.ROOT, "%s initial cycle of %,d users: events on %.1f s %s, off %.1f s %s; on/off %.2f"
                + "%n",
                engine, largeUsers, figures.path("initial_cycle_" + big + "_events_on_s").asDouble(),
                figures.path("initial_cycle_" + big + "_events_on_runs_s"),
                figures.path("initial_cycle_" + big + "_events_off_s").asDouble(),
                figures.path("initial_cycle_" + big + "_events_off_runs_s"),
                figures.path("initial_cycle_" + big + "_events_ratio").asDouble());
        System.out.printf(Locale.ROOT, "  each round's on/off: %s%n", figures.path("initial_cycle_" + big
                + "_events_round_ratios"));
        System.out.printf(Locale.ROOT, "%s creates c8: history+events on %.0f/s, both off %.0f/s%n", engine,
                figures.path("create_c8_rps_history_events_on").asDouble(),
                figures.path("create_c8_rps_history_events_off").asDouble());
    }

    /**
     * Only durable creates beside the bare-server ceiling ({@code ServiceBenchmark creates}, or
     * {@code -Dbench.users=creates} in the bench profile), on SQLite at 1,000 users: after both are warm, rounds of
     * ceiling c8, creates c8, ceiling c1, creates c1, so that the machine's load falls on both alike (issue 21 item 4).
     * Each round also times single-row SQLite transactions at the service's durability: what one {@code fsync}
     * costs the machine just then. With a number of users ({@code creates DIR 100000}), an initial cycle of that many
     * users follows on a fresh service. Keys are added to {@code results.json} (kept if present).
     */
    private void runCreateShare(Path outDir) throws Exception {
        Files.createDirectories(outDir);
        Path scratch = Files.createTempDirectory("scim-bench-creates");
        Path file = outDir.resolve("results.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode results = Files.exists(file) ? (ObjectNode) json.readTree(file.toFile()) : json.createObjectNode();
        ObjectNode shares = results.putObject("create_share");
        String body = createBody("ceiling-0@" + DOMAIN);
        warmUpCeiling(body);
        try (Service s = start(scratch.resolve("sqlite"))) {
            seed(s, 1000);
            int[] batch = {0};
            untilSettled(2, 8, pass -> {
                String p = "warm-" + batch[0]++ + "-";
                return driver.run("warm-up", 8, 3000, i -> post(s, "/Users", createBody(p + i + "@" + DOMAIN)), 201).rps();
            });
            List<List<LoadDriver.Stats>> all = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            // CPU microseconds a create at concurrency 8 cost the service's request threads and its single writer
            List<Double> httpCpu = new ArrayList<>();
            List<Double> writerCpu = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                String p = "share-" + round + "-";
                LoadDriver.Stats c8 = Ceilings.http(driver, 8, 6000, body);
                ThreadCpu cpu0 = ThreadCpu.now();
                LoadDriver.Stats k8 = driver.run("create c8", 8, 3000, i -> post(s, "/Users", createBody(p + "b" + i
                        + "@" + DOMAIN)), 201);
                ThreadCpu cpu1 = ThreadCpu.now();
                httpCpu.add(cpu1.millisSince(cpu0, "scim-http") * 1000 / k8.count());
                writerCpu.add(cpu1.millisSince(cpu0, "sqlite-writer") * 1000 / k8.count());
                LoadDriver.Stats c1 = Ceilings.http(driver, 1, 1500, body);
                LoadDriver.Stats k1 = driver.run("create c1", 1, 600, i -> post(s, "/Users", createBody(p + "a" + i
                        + "@" + DOMAIN)), 201);
                double fsyncs = Ceilings.sqliteInsertsPerSecond(scratch, 500);
                System.out.printf(Locale.ROOT, "  round %d: c8 %.0f/s of %.0f (%.0f%%), c1 %.0f/s of %.0f (%.0f%%),"
                        + " SQLite single-row %.0f/s, CPU per create c8: requests %.0f µs, writer %.0f µs, load %s%n",
                        round + 1, k8.rps(), c8.rps(), 100 * k8.rps() / c8.rps(), k1.rps(), c1.rps(),
                        100 * k1.rps() / c1.rps(), fsyncs, httpCpu.get(round), writerCpu.get(round), uptime());
                List<LoadDriver.Stats> four = List.of(c8, k8, c1, k1);
                for (int k = 0; k < 4; k++) {
                    all.get(k).add(four.get(k));
                }
            }
            double[] rps = new double[4];
            for (int k = 0; k < 4; k++) {
                LoadDriver.Stats merged = LoadDriver.Stats.merged(all.get(k).get(0).name(), all.get(k));
                rps[k] = merged.rps();
                record("1k", merged, k % 2 == 1 ? rps[k - 1] : Double.NaN);
            }
            shares.put("http_c8_rps", round(rps[0])).put("create_c8_rps", round(rps[1]))
                    .put("create_c8_share_pct", round(100 * rps[1] / rps[0]))
                    .put("http_c1_rps", round(rps[2])).put("create_c1_rps", round(rps[3]))
                    .put("create_c1_share_pct", round(100 * rps[3] / rps[2])).put("load_average", uptime())
                    .put("create_c8_request_cpu_us", round(median(httpCpu)))
                    .put("create_c8_writer_cpu_us", round(median(writerCpu)));
        }
        if (largeUsers > 0) {
            try (Service s = start(scratch.resolve("cycle"))) {
                System.out.printf(Locale.ROOT, "Initial cycle: %,d users, %,d groups of 50 members ...%n", largeUsers,
                        largeUsers / 100);
                long t0 = System.nanoTime();
                initialCycle(s, largeUsers, largeUsers / 100, 50);
                double seconds = (System.nanoTime() - t0) / 1e9;
                shares.put("initial_cycle_" + big + "_s", round(seconds)).put("cycle_load_average", uptime());
                System.out.printf(Locale.ROOT, "Initial cycle of %,d users: %.1f s, load %s%n", largeUsers, seconds,
                        uptime());
            }
        }
        Files.writeString(file, results.toPrettyString());
        printRows();
    }

    /**
     * What storing the attribute history costs a create: creates at concurrency 8 with the history stored and
     * without (the benchmark's own switch; the activity entry is written either way), in alternating rounds after
     * a warm-up of each, so that neither the JIT nor the machine's load favours one.
     */
    private void measureHistoryCost(Service s, String scale, ObjectNode into) throws Exception {
        double[] rps = alternatingCreates(s, scale, "hist-", List.of("creates (history on)", "creates (history off)"),
                on -> s.runtime().core().storeHistory(on));
        into.put("create_c8_rps_history_on", round(rps[0])).put("create_c8_rps_history_off", round(rps[1]));
    }

    /** A switch of the service that a comparison turns on and off. */
    @FunctionalInterface
    private interface Switch {
        void set(boolean on);
    }

    /**
     * Creates at concurrency 8 with {@code on} set and unset ({@code names}: the rows of each), in alternating rounds
     * after a warm-up of each, so that neither the JIT nor the machine's load favours one; left set. Returns the
     * rates, on first.
     */
    private double[] alternatingCreates(Service s, String scale, String prefix, List<String> names, Switch on)
            throws Exception {
        String p0 = prefix + scale.replace(' ', '-') + "-";
        List<List<LoadDriver.Stats>> rounds = List.of(new ArrayList<>(), new ArrayList<>());
        int[] batch = {0};
        for (int round = -1; round < 4; round++) {
            for (int k = 0; k < names.size(); k++) {
                on.set(k == 0);
                String p = p0 + batch[0]++ + "-";
                LoadDriver.Stats stats = driver.run(round < 0 ? "warm-up" : names.get(k), 8, 750,
                        i -> post(s, "/Users", createBody(p + i + "@" + DOMAIN)), 201);
                if (round >= 0) {
                    rounds.get(k).add(stats);
                }
            }
        }
        on.set(true);
        double[] rps = new double[2];
        for (int k = 0; k < names.size(); k++) {
            rps[k] = record(scale, LoadDriver.Stats.merged(names.get(k), rounds.get(k)), Double.NaN).rps();
        }
        return rps;
    }

    /**
     * How long a 401 takes: a wrong token on an existing tenant, an unknown tenant, no token. The three must not
     * differ, or the time of an answer tells a stranger which tenants exist. Measured in alternating rounds, one
     * client at a time, after a warm-up of each, so that neither the JIT nor the machine's load favours one.
     */
    private void measureUnauthenticated(Service s, String scale, ObjectNode into) throws Exception {
        String unknownTenant = s.url().substring(0, s.url().lastIndexOf('/') + 1) + UUID.randomUUID();
        String wrongToken = SecretTokens.generate();
        List<LoadDriver.Call> kinds = List.of(
                new LoadDriver.Call("GET", s.url() + "/Users", null, wrongToken),
                new LoadDriver.Call("GET", unknownTenant + "/Users", null, wrongToken),
                new LoadDriver.Call("GET", s.url() + "/Users", null, null));
        List<String> names = List.of("401 wrong token", "401 unknown tenant", "401 no token");
        List<List<LoadDriver.Stats>> rounds = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            LoadDriver.Call call = kinds.get(k);
            driver.run("warm-up", 1, 2000, i -> call, 401);
            rounds.add(new ArrayList<>());
        }
        // Each kind takes each place in the round's order equally often: whatever runs first after another kind
        // (a cold branch, a cache line, a GC) must not always fall on the same kind.
        for (int round = 0; round < 6; round++) {
            for (int j = 0; j < kinds.size(); j++) {
                int k = (j + round) % kinds.size();
                LoadDriver.Call call = kinds.get(k);
                rounds.get(k).add(driver.run(names.get(k), 1, 600, i -> call, 401));
            }
        }
        for (int k = 0; k < kinds.size(); k++) {
            LoadDriver.Stats all = record(scale, LoadDriver.Stats.merged(names.get(k), rounds.get(k)), Double.NaN);
            String key = "unauthenticated_" + names.get(k).substring(4).replace(' ', '_');
            into.put(key + "_p50_ms", round(all.percentile(50))).put(key + "_p99_ms", round(all.percentile(99)));
        }
    }

    // ---- scenarios -----------------------------------------------------------------------------------

    private Service start(Path dir) throws Exception {
        Files.createDirectories(dir);
        return start(dir, SqliteDirectory.open(dir));
    }

    static Service start(Path dir, SqlDirectory directory) throws Exception {
        Files.createDirectories(dir);
        TestDnsServer dns = TestDnsServer.start();
        dns.zone(DOMAIN, 1, 300, 60);
        ServiceRuntime runtime = ServiceRuntime.start(directory,
                // The per-tenant rate limit (100/s by default, sized for Entra's pace) is lifted: this measures capacity.
                new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, ServiceConfig.DEFAULT_THREADS)
                        .withLimits(ServiceLimits.defaults().withRate(1e9, 1_000_000_000)),
                "127.0.0.1:" + dns.address().getPort(), Clock.systemUTC());
        TenantAdmin.Credentials c = new TenantAdmin(runtime.directory(), Clock.systemUTC()).enable();
        Challenge challenge = runtime.domains().add(c.tenantId(), DOMAIN).challenge();
        dns.txt(challenge.recordName(), challenge.recordValue());
        if (!runtime.domains().verify(c.tenantId(), DOMAIN).result().isVerified()) {
            throw new IllegalStateException("benchmark domain did not verify");
        }
        return new Service(runtime, dns, runtime.server().tenantUrl(c.tenantId()), c.secretToken(), dir);
    }

    private List<String> seed(Service s, int n) throws Exception {
        String[] ids = new String[n];
        driver.run("seed", 8, n, i -> post(s, "/Users", createBody("seed-" + i + "@" + DOMAIN)), 201);
        // ids are read back by lookups, so the seed itself stays a plain stream of creates
        for (int i = 0; i < n; i++) {
            ids[i] = "seed-" + i + "@" + DOMAIN;
        }
        return List.of(ids);
    }

    /** Entra's initial cycle: a lookup and a create per user, a lookup and a create per group, then member PATCHes. */
    private List<String> initialCycle(Service s, int users, int groups, int membersPerGroup) throws Exception {
        driver.run("cycle users", 8, users * 2, i -> i % 2 == 0
                ? get(s, "/Users?filter=" + enc("userName eq \"user-" + (i / 2) + "@" + DOMAIN + "\""))
                : post(s, "/Users", createBody("user-" + (i / 2) + "@" + DOMAIN)), LoadDriver.ANY_SUCCESS);
        // Only the users that become members are read back (half of them at 50 members a group of 100 users).
        List<String> userIds = idsOf(s, Math.min(users, groups * membersPerGroup));
        String[] groupIds = new String[groups];
        driver.run("cycle groups", 8, groups * 2, i -> i % 2 == 0
                ? get(s, "/Groups?excludedAttributes=members&filter=" + enc("displayName eq \"Group " + (i / 2) + "\""))
                : post(s, "/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Group "
                        + (i / 2) + "\",\"externalId\":\"" + UUID.randomUUID() + "\"}"), LoadDriver.ANY_SUCCESS);
        for (int g = 0; g < groups; g++) {
            groupIds[g] = groupId(s, "Group " + g);
        }
        int perPatch = 10;
        int patchesPerGroup = membersPerGroup / perPatch;
        driver.run("cycle members", 8, groups * patchesPerGroup, i -> {
            int g = i / patchesPerGroup;
            StringBuilder members = new StringBuilder();
            for (int m = 0; m < perPatch; m++) {
                int u = (g * membersPerGroup + (i % patchesPerGroup) * perPatch + m) % userIds.size();
                members.append(m == 0 ? "" : ",").append("{\"$ref\":null,\"value\":\"").append(userIds.get(u)).append("\"}");
            }
            return patch(s, "/Groups/" + groupIds[g], "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[" + members + "]}]}");
        }, 204);
        // Made on demand: a million names held for the lookups would weigh on the heap that is measured.
        return new java.util.AbstractList<>() {
            @Override
            public String get(int i) {
                return "user-" + i + "@" + DOMAIN;
            }

            @Override
            public int size() {
                return users;
            }
        };
    }

    private void measure(Service s, String scale, List<String> userNames, ObjectNode service) throws Exception {
        List<String> ids = idsOf(s, Math.min(userNames.size(), 2000));
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LoadDriver.Stats probe1 = record(scale, driver.run("probe c1", 1, 2000, i -> get(s, "/Users?filter="
                + enc("userName eq \"" + UUID.randomUUID() + "\"")), 200), httpCeilingC1);
        record(scale, driver.run("probe c8", 8, 3000, i -> get(s, "/Users?filter="
                + enc("userName eq \"" + UUID.randomUUID() + "\"")), 200), httpCeilingC8);
        LoadDriver.Stats lookup1 = record(scale, driver.run("lookup c1", 1, 2000, i -> get(s, "/Users?filter="
                + enc("userName eq \"" + userNames.get(r.nextInt(userNames.size())) + "\"")), 200), httpCeilingC1);
        record(scale, driver.run("lookup c8", 8, 3000, i -> get(s, "/Users?filter="
                + enc("userName eq \"" + userNames.get(r.nextInt(userNames.size())) + "\"")), 200), httpCeilingC8);
        String prefix = "new-" + scale.replace(' ', '-') + "-";
        LoadDriver.Stats create1 = record(scale, driver.run("create c1", 1, 400,
                i -> post(s, "/Users", createBody(prefix + "a" + i + "@" + DOMAIN)), 201), httpCeilingC1);
        LoadDriver.Stats create8 = record(scale, driver.run("create c8", 8, 3000,
                i -> post(s, "/Users", createBody(prefix + "b" + i + "@" + DOMAIN)), 201), httpCeilingC8);
        record(scale, driver.run("patch c1", 1, 400, i -> patch(s, "/Users/" + ids.get(r.nextInt(ids.size())),
                patchBody(i)), 200), httpCeilingC1);
        record(scale, driver.run("patch c8", 8, 3000, i -> patch(s, "/Users/" + ids.get(r.nextInt(ids.size())),
                patchBody(i)), 200), httpCeilingC8);
        record(scale, driver.run("group create c8", 8, 500, i -> post(s, "/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + prefix + "g" + i
                        + "\"}"), 201), httpCeilingC8);
        String gid = groupId(s, prefix + "g0");
        record(scale, driver.run("member patch c8", 8, 2000, i -> patch(s, "/Groups/" + gid,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\","
                        + "\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\""
                        + ids.get(r.nextInt(ids.size())) + "\"}]}]}"), 204), httpCeilingC8);
        String key = scale.toLowerCase(Locale.ROOT).replace("pg ", "");
        service.put("lookup_p99_ms_" + key, round(lookup1.percentile(99)));
        service.put("probe_p99_ms_" + key, round(probe1.percentile(99)));
        if (key.equals("1k")) {
            service.put("create_c1_rps", round(create1.rps()));
            service.put("create_c8_rps", round(create8.rps()));
        } else {
            service.put("create_c1_rps_" + key, round(create1.rps()));
            service.put("create_c8_rps_" + key, round(create8.rps()));
        }
    }

    /**
     * The admin API's data path behind the console's Users view, at the large scale: the query the view sends when it
     * opens (the first page, the service's order, as {@link app.scimconsole.console.users.UsersViewModel} asks), the
     * first page sorted by userName (a click on the column), and the queries of each keystroke of a search typed
     * letter by letter until it narrows to a few users.
     */
    private void measureAdmin(Service s, ObjectNode into) {
        measureAdmin(s.runtime(), into);
    }

    private void measureAdmin(ServiceRuntime runtime, ObjectNode into) {
        AdminApi admin = new AdminClient(runtime.adminUrl(), runtime.adminCredential());
        AdminApi.UserQuery open = new AdminApi.UserQuery(null, AdminApi.UserStatus.ANY, null, null, false, 1, 100);
        admin.users(open);
        long t0 = System.nanoTime();
        AdminApi.UserPage first = admin.users(open);
        double openMs = (System.nanoTime() - t0) / 1e6;
        long s0 = System.nanoTime();
        admin.users(new AdminApi.UserQuery(null, AdminApi.UserStatus.ANY, null, "userName", false, 1, 100));
        double sortedMs = (System.nanoTime() - s0) / 1e6;
        double worst = 0;
        for (String text : typedSearch(largeUsers)) {
            long k0 = System.nanoTime();
            admin.users(new AdminApi.UserQuery(text, AdminApi.UserStatus.ANY, null, null, false, 1, 100));
            worst = Math.max(worst, (System.nanoTime() - k0) / 1e6);
        }
        into.put("admin_first_page_ms_" + big, round(openMs));
        into.put("admin_sorted_page_ms_" + big, round(sortedMs));
        into.put("admin_search_ms_" + big, round(worst));
        into.put("total_users", first.totalResults());
    }

    private LoadDriver.Stats record(String scale, LoadDriver.Stats stats, double ceiling) {
        rows.add(new Row(scale, stats, ceiling));
        if (stats.errors() > 0) {
            System.err.println(stats.name() + " at " + scale + ": " + stats.errors() + " unexpected answers");
        }
        return stats;
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /**
     * The ids of the first {@code n} users in the order they were created, read through the admin API's cursor pages
     * (keyset: each page sought next to the last one's row, the total counted once): SCIM's {@code startIndex} pages
     * skip the rows before them and count every user for each page, which at a million users never reached the groups.
     */
    private List<String> idsOf(Service s, int n) {
        List<String> ids = new ArrayList<>(n);
        AdminApi admin = new AdminClient(s.runtime().adminUrl(), s.runtime().adminCredential());
        AdminApi.UserQuery created = new AdminApi.UserQuery(null, AdminApi.UserStatus.ANY, null, null, false, 1, 1000);
        AdminApi.UserPage page = admin.users(created);
        while (true) {
            for (AdminApi.UserRow u : page.users()) {
                if (ids.size() == n) {
                    return ids;
                }
                ids.add(u.id());
            }
            if (page.nextCursor() == null) {
                return ids;
            }
            page = admin.users(created.at(page.nextCursor()));
        }
    }

    private String groupId(Service s, String displayName) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(get(s, "/Groups?attributes=id&filter="
                + enc("displayName eq \"" + displayName + "\"")).toRequest(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).path("Resources").get(0).path("id").asText();
    }

    static String createBody(String userName) {
        return EntraShapes.createBody(userName, UUID.randomUUID().toString());
    }

    private static String patchBody(int i) {
        return EntraShapes.patchBody("Title " + i, i % 2 == 0);
    }

    static LoadDriver.Call get(Service s, String path) {
        return new LoadDriver.Call("GET", s.url() + path, null, s.token());
    }

    static LoadDriver.Call post(Service s, String path, String body) {
        return new LoadDriver.Call("POST", s.url() + path, body, s.token());
    }

    private static LoadDriver.Call patch(Service s, String path, String body) {
        return new LoadDriver.Call("PATCH", s.url() + path, body, s.token());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The most heap in use at once since {@link #resetPeakHeap}, garbage not yet collected included. */
    private static double peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }

    private static double usedHeapAfterGcMb() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used / (1024.0 * 1024.0);
    }

    /** The database file after its write-ahead log is folded in (the WAL file keeps its peak size otherwise). */
    private static long databaseBytes(Path dir) throws Exception {
        Path db = dir.resolve(SqliteDirectory.FILE_NAME);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return Files.size(db);
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** One line a measured scenario: rate, median and 99th percentile, share of the ceiling. */
    private void printRows() {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-6s %-21s %8s %10s %9s %9s %8s %7s%n", "scale", "operation", "requests", "req/s",
                "p50 ms", "p99 ms", "ceiling", "errors");
        for (Row row : rows) {
            LoadDriver.Stats s = row.stats();
            String ratio = Double.isNaN(row.ceiling()) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * s.rps() / row.ceiling());
            System.out.printf(Locale.ROOT, "%-6s %-21s %8d %10.0f %9.2f %9.2f %8s %7d%n", row.scale(), s.name(), s.count(),
                    s.rps(), s.percentile(50), s.percentile(99), ratio, s.errors());
        }
    }

    private void printTable(ObjectNode results) {
        printRows();
        System.out.println();
        System.out.println("SQLite single-row transactions (WAL, synchronous=FULL): "
                + results.path("ceiling").path("sqlite_insert_rps").asDouble() + " /s");
        System.out.printf(Locale.ROOT, "Initial cycle of %,d users and %,d groups of 50: %.1f s%n", largeUsers, largeUsers / 100,
                results.path("initial_cycle_" + big + "_s").asDouble());
        System.out.println("Heap with " + largeUsers + " users (service and load driver in one JVM capped at "
                + results.path("service").path("heap_max_mb").asDouble() + " MB): "
                + results.path("service").path("heap_mb_" + big).asDouble() + " MB in use after GC, peak "
                + results.path("service").path("heap_peak_mb_" + big).asDouble() + " MB (garbage included)");
        System.out.println("Database size per 1k users: " + results.path("db_kb_per_1k_users").asDouble() + " KB");
        System.out.println("Admin API at " + largeUsers + " users: first page "
                + results.path("console").path("admin_first_page_ms_" + big).asDouble() + " ms, slowest search "
                + results.path("console").path("admin_search_ms_" + big).asDouble() + " ms");
        System.out.println("Console Users view (headless) at " + largeUsers + " users: opens in "
                + results.path("console").path("users_view_open_ms_" + big).asDouble() + " ms; slowest keystroke "
                + results.path("console").path("filter_keystroke_ms_" + big).asDouble() + " ms after the "
                + results.path("console").path("typing_debounce_ms").asDouble() + " ms typing pause");
        System.out.printf(Locale.ROOT, "PostgreSQL: initial cycle %.1f s, creates c8 %.0f/s, lookup p99 %.2f ms at 1k and %.2f ms at %,d%n",
                results.path("postgres").path("initial_cycle_" + big + "_s").asDouble(),
                results.path("postgres").path("create_c8_rps").asDouble(),
                results.path("postgres").path("lookup_p99_ms_1k").asDouble(),
                results.path("postgres").path("lookup_p99_ms_" + big).asDouble(), largeUsers);
        JsonNode pg = results.path("postgres");
        System.out.printf(Locale.ROOT, "PostgreSQL at %,d users: database %.1f MB; heap %.1f MB in use after GC; admin API"
                        + " first page %.1f ms, slowest search %.1f ms%n", largeUsers, pg.path("db_mb_" + big).asDouble(),
                pg.path("heap_mb_" + big).asDouble(), pg.path("admin_first_page_ms_" + big).asDouble(),
                pg.path("admin_search_ms_" + big).asDouble());
        System.out.printf(Locale.ROOT, "SQLite at %,d users: database %.1f MB%n", largeUsers,
                results.path("db_mb_" + big).asDouble());
        System.out.println("Results: target/bench/results.json");
    }
}
