package app.scimconsole.bench;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminApi.UserQuery;
import app.scimconsole.admin.AdminApi.UserStatus;
import app.scimconsole.client.AdminClient;
import app.scimconsole.console.UsersViewBenchmark;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDialect;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceRuntime;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each keystroke of the Users view's search as you type, as the admin API answers it over HTTP through the console's
 * own client (issue 21, item 3), on a directory of synthetic users filled in bulk ({@link ListPagesBenchmark#fill}):
 * the view's opening page, then {@code u}, {@code us}, … {@code user-4213} ({@link ServiceBenchmark#typedSearch}),
 * each the best and the median of {@code ROUNDS} rounds, the rounds one after another so that a burst of load on the
 * shared machine touches every keystroke alike. On SQLite the filled data folder is kept and used again by a later
 * run (the fill of a million users takes minutes): a run of another build on a copy of it measures that build on the
 * same data. Adds {@code search_keystrokes_<scale>} to {@code OUT/results.json}.
 *
 * <p>{@code SearchKeystrokeBenchmark USERS OUT sqlite|postgres [ROUNDS] [FOLDER]}
 */
public final class SearchKeystrokeBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The process's CPU time (service and client in this one process): what a request costs, whatever the load. */
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private SearchKeystrokeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        String engine = args[2];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Files.createDirectories(out);
        ObjectNode figures;
        if (engine.equals("console")) {
            // The real console's Users view on a folder a sqlite run filled: opening, and each keystroke typed
            UsersViewBenchmark.Figures view = UsersViewBenchmark.measure(Path.of(args[4]),
                    ServiceBenchmark.searchKeystrokes(users));
            figures = JSON.createObjectNode();
            figures.put("users_view_open_ms", round(view.openMs()));
            figures.put("filter_keystroke_ms", round(view.slowestKeystrokeMs()));
            figures.put("users_view_open_window_cpu_ms", round(view.openWindowCpuMs()));
            figures.put("users_view_open_process_cpu_ms", round(view.openProcessCpuMs()));
            // The JIT and the collector are much of a keystroke's CPU: the console's launcher runs C1 only with the
            // serial collector (packaging/image.args), a bare java the tiered JIT and G1; the figures say which.
            figures.put("jvm_options", String.join(" ",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        } else if (engine.equals("sqlite")) {
            Path folder = args.length > 4 ? Path.of(args[4]) : out.resolve("search-sqlite-" + users);
            if (!Files.exists(folder.resolve(SqliteDirectory.FILE_NAME))) {
                fillSqlite(folder, users);
            }
            figures = measure(SqliteDirectory.open(folder), users, rounds, null);
        } else {
            try (BenchPostgres server = BenchPostgres.start()) {
                PostgresDirectory.Settings settings = server.freshDatabase();
                try (SqlDirectory dir = PostgresDirectory.open(settings); Connection c = DriverManager.getConnection(
                        settings.url(), settings.user(), settings.password())) {
                    long t0 = System.nanoTime();
                    ListPagesBenchmark.fill(c, dir.createTenant().id(), users, SqlDialect.POSTGRES);
                    System.out.printf(Locale.ROOT, "postgres: %,d users filled in %.0f s%n", users,
                            (System.nanoTime() - t0) / 1e9);
                }
                try (Connection c = DriverManager.getConnection(settings.url(), settings.user(),
                        settings.password())) {
                    figures = measure(PostgresDirectory.open(settings), users, rounds, PostgresServerCpu.of(c));
                }
            }
        }
        figures.put("load_average", Files.readString(Path.of("/proc/loadavg")).strip());
        Path file = out.resolve("results.json");
        ObjectNode results = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        ObjectNode scale = results.has("search_keystrokes_" + ListPagesBenchmark.scale(users))
                ? (ObjectNode) results.get("search_keystrokes_" + ListPagesBenchmark.scale(users))
                : results.putObject("search_keystrokes_" + ListPagesBenchmark.scale(users));
        scale.set(engine, figures);
        Files.writeString(file, results.toPrettyString());
        System.out.println(figures.toPrettyString());
        System.exit(0);
    }

    private static void fillSqlite(Path folder, int users) throws Exception {
        long t0 = System.nanoTime();
        try (SqliteDirectory dir = SqliteDirectory.open(folder); Connection c = DriverManager.getConnection(
                "jdbc:sqlite:" + folder.resolve(SqliteDirectory.FILE_NAME))) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA synchronous = OFF"); // the fill only: a file made to be measured
            }
            ListPagesBenchmark.fill(c, dir.createTenant().id(), users, SqlDialect.SQLITE);
            dir.indexNames(); // the trigram table, as the service's indexer fills it after its own writes
        }
        System.out.printf(Locale.ROOT, "sqlite: %,d users filled in %.0f s%n", users, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The opening page and each keystroke through the admin API over HTTP, best and median of the rounds, in ms, with
     * the CPU time of this process and, on PostgreSQL ({@code server} not null), of the database server's processes.
     */
    private static ObjectNode measure(SqlDirectory directory, int users, int rounds, PostgresServerCpu server)
            throws Exception {
        ServiceRuntime runtime = ServiceRuntime.start(directory, new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, ServiceConfig.DEFAULT_THREADS), "127.0.0.1:9", Clock.systemUTC());
        try {
            AdminApi admin = new AdminClient(runtime.adminUrl(), runtime.adminCredential());
            List<String> typed = new ArrayList<>();
            typed.add(""); // the view's opening page: no search, the service's order, counted
            typed.addAll(ServiceBenchmark.typedSearch(users));
            Map<String, double[]> times = new LinkedHashMap<>();
            Map<String, double[]> cpu = new LinkedHashMap<>();
            Map<String, double[]> serverCpu = new LinkedHashMap<>();
            for (String text : typed) {
                times.put(text, new double[rounds]);
                cpu.put(text, new double[rounds]);
                serverCpu.put(text, new double[rounds]);
                admin.users(query(text)); // warm-up: the JIT and the page cache, as after the view opened once
            }
            for (int r = 0; r < rounds; r++) {
                for (String text : typed) {
                    double s0 = server == null ? 0 : server.seconds();
                    long c0 = PROCESS.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    admin.users(query(text));
                    times.get(text)[r] = (System.nanoTime() - t0) / 1e6;
                    cpu.get(text)[r] = (PROCESS.getProcessCpuTime() - c0) / 1e6;
                    serverCpu.get(text)[r] = server == null ? 0 : (server.seconds() - s0) * 1e3;
                }
            }
            ObjectNode o = JSON.createObjectNode();
            o.put("users", users);
            o.put("rounds", rounds);
            ObjectNode best = o.putObject("best_ms");
            ObjectNode median = o.putObject("median_ms");
            ObjectNode cpuMedian = o.putObject("cpu_median_ms");
            ObjectNode serverCpuMedian = server == null ? null : o.putObject("postgres_cpu_median_ms");
            double slowest = 0;
            for (var e : times.entrySet()) {
                double[] t = e.getValue().clone();
                Arrays.sort(t);
                String key = e.getKey().isEmpty() ? "(open)" : e.getKey();
                best.put(key, round(t[0]));
                double[] c = cpu.get(e.getKey()).clone();
                Arrays.sort(c);
                cpuMedian.put(key, round(c[c.length / 2]));
                double[] sc = serverCpu.get(e.getKey()).clone();
                Arrays.sort(sc);
                if (serverCpuMedian != null) {
                    serverCpuMedian.put(key, round(sc[sc.length / 2]));
                }
                median.put(key, round(t[t.length / 2]));
                if (!e.getKey().isEmpty()) {
                    slowest = Math.max(slowest, t[t.length / 2]);
                }
                System.out.printf(Locale.ROOT, "%-12s best %8.1f ms, median %8.1f ms, CPU median %6.1f ms (database"
                        + " server %6.1f ms), all %s%n", key, t[0], t[t.length / 2], c[c.length / 2], sc[sc.length / 2], Arrays.toString(Arrays.stream(e.getValue()).map(SearchKeystrokeBenchmark::round)
                                .toArray()));
            }
            o.put("slowest_keystroke_median_ms", round(slowest));
            return o;
        } finally {
            runtime.close();
        }
    }

    private static UserQuery query(String text) {
        return new UserQuery(text.isEmpty() ? null : text, UserStatus.ANY, null, null, false, 1, 100);
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
