package app.scimconsole.bench;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDialect;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a create costs on PostgreSQL as the users table grows (issue 21, item 3: a run of the initial cycle at 300,000
 * users slowed to about a hundred creates a second). At each size: a fresh database filled in bulk to that many users
 * ({@link ListPagesBenchmark#fill}, in the tenant the service then serves), a warm-up, a checkpoint, then Entra's
 * initial-cycle pairs (a {@code userName eq} lookup and a create) at concurrency 8 through the real service over HTTP,
 * at full durability ({@link BenchPostgres}). Prints and adds to {@code OUT/results.json}
 * ({@code postgres_creates_<scale>}): creates a second, the CPU a create costs the service's request threads and the
 * PostgreSQL server's processes ({@link PostgresServerCpu}), the WAL a create writes and its full-page images, the
 * blocks read, and each statement's share (pg_stat_statements, preloaded for this run only: calls, time, blocks
 * dirtied and WAL per call), and the users table's index sizes.
 *
 * <p>{@code PostgresCreatesBenchmark OUT SIZE[,SIZE…] [CREATES]}
 */
public final class PostgresCreatesBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOCKS_READ = "SELECT blks_read FROM pg_stat_database WHERE datname = current_database()";
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final LoadDriver driver = new LoadDriver();

    private PostgresCreatesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int creates = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        Files.createDirectories(out);
        Path file = out.resolve("results.json");
        for (String size : args[1].split(",")) {
            int users = Integer.parseInt(size);
            ObjectNode figures = new PostgresCreatesBenchmark().measure(users, creates, creates / 5);
            ObjectNode results = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile())
                    : JSON.createObjectNode();
            results.set("postgres_creates_" + ServiceBenchmark.scaleLabel(users), figures);
            Files.writeString(file, results.toPrettyString());
            System.out.println(figures.toPrettyString());
        }
        System.exit(0);
    }

    private ObjectNode measure(int users, int creates, int patches) throws Exception {
        try (BenchPostgres server = BenchPostgres.start(Map.of("shared_preload_libraries", "pg_stat_statements"))) {
            PostgresDirectory.Settings settings = server.freshDatabase();
            PostgresDirectory directory = PostgresDirectory.open(settings);
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
                long t0 = System.nanoTime();
                ListPagesBenchmark.fill(c, directory.defaultTenantOrCreate().id(), users, SqlDialect.POSTGRES);
                System.out.printf(Locale.ROOT, "postgres: %,d users filled in %.0f s%n", users,
                        (System.nanoTime() - t0) / 1e9);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    s.execute("VACUUM ANALYZE"); // as autovacuum leaves a table filled a while ago
                }
                try (ServiceBenchmark.Service service = ServiceBenchmark.start(
                        Files.createTempDirectory("scim-bench-pg-creates"), directory)) {
                    cycle(service, "warm-up", "warm-", 500);
                    ObjectNode o = JSON.createObjectNode();
                    o.put("users", users);
                    o.set("creates", phase(c, creates, () -> cycle(service, "cycle c8", "user-", creates)));
                    List<String> members = someUsers(c, 10 * patches);
                    List<String> groups = new ArrayList<>();
                    for (int g = 0; g < 8; g++) {
                        groups.add(groupId(service, "Members " + g));
                    }
                    o.set("member_patches", phase(c, patches, () -> memberPatches(service, groups, members, patches)));
                    o.set("users_index_kb", indexSizes(c));
                    o.put("load_average", ServiceBenchmark.uptime());
                    return o;
                }
            } finally {
                directory.close();
            }
        }
    }

    /**
     * Runs {@code work} ({@code count} writes) right after a checkpoint, with the statistics reset: what it cost per
     * write in the service's request threads, in the PostgreSQL server's processes, in WAL and in blocks read, and
     * its statements.
     */
    private static ObjectNode phase(Connection c, int count, Work work) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT"); // every size starts its measured writes right after one
            s.execute("SELECT pg_stat_statements_reset()");
            s.execute("SELECT pg_stat_reset_shared('wal')");
        }
        PostgresServerCpu serverCpu = PostgresServerCpu.of(c);
        double pg0 = serverCpu.seconds();
        long blocksRead0 = oneLong(c, BLOCKS_READ);
        ThreadCpu threads0 = ThreadCpu.now();
        long process0 = PROCESS.getProcessCpuTime();
        LoadDriver.Stats run = work.run();
        long process1 = PROCESS.getProcessCpuTime();
        ThreadCpu threads1 = ThreadCpu.now();
        double pg1 = serverCpu.seconds();
        long blocksRead1 = oneLong(c, BLOCKS_READ);
        ObjectNode o = JSON.createObjectNode();
        o.put("count", count);
        o.put("per_s", round(count / run.seconds()));
        o.put("p99_ms", round(run.percentile(99)));
        o.put("errors", run.errors());
        o.put("request_threads_cpu_us_each", round(threads1.millisSince(threads0, "scim-http") * 1000 / count));
        o.put("process_cpu_us_each", round((process1 - process0) / 1e3 / count));
        o.put("postgres_cpu_us_each", round((pg1 - pg0) * 1e6 / count));
        o.put("blocks_read_each", round((blocksRead1 - blocksRead0) / (double) count));
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")) {
            rs.next();
            o.put("wal_records_each", round(rs.getLong(1) / (double) count));
            o.put("wal_fpi_each", round(rs.getLong(2) / (double) count));
            o.put("wal_kb_each", round(rs.getDouble(3) / 1024 / count));
        }
        o.set("statements", statements(c, count));
        o.put("load_average", ServiceBenchmark.uptime());
        System.out.printf(Locale.ROOT, "  %,.0f/s, CPU each: requests %.0f µs, PostgreSQL %.0f µs; WAL %.1f KB (%.1f"
                + " full pages) each; load %s%n", o.get("per_s").asDouble(),
                o.get("request_threads_cpu_us_each").asDouble(), o.get("postgres_cpu_us_each").asDouble(),
                o.get("wal_kb_each").asDouble(), o.get("wal_fpi_each").asDouble(), o.get("load_average").asText());
        return o;
    }

    private interface Work {
        LoadDriver.Stats run() throws Exception;
    }

    /** {@code n} of the filled users' ids, spread over the table. */
    private static List<String> someUsers(Connection c, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id FROM users TABLESAMPLE SYSTEM (10) LIMIT " + n)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        Collections.shuffle(ids);
        return ids;
    }

    private String groupId(ServiceBenchmark.Service s, String name) throws Exception {
        LoadDriver.Stats made = driver.run("group", 1, 1, i -> ServiceBenchmark.post(s, "/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name + "\"}"), 201);
        if (made.errors() > 0) {
            throw new IllegalStateException("the group was not created");
        }
        var response = java.net.http.HttpClient.newHttpClient().send(ServiceBenchmark.get(s, "/Groups?attributes=id"
                + "&filter=" + ServiceBenchmark.enc("displayName eq \"" + name + "\"")).toRequest(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("Resources").get(0).path("id").asText();
    }

    /** Entra's member PATCHes: ten users added a PATCH, to one of {@code groups} in turn. */
    private LoadDriver.Stats memberPatches(ServiceBenchmark.Service s, List<String> groups, List<String> users,
            int patches)
            throws Exception {
        return driver.run("member patch c8", 8, patches, i -> {
            StringBuilder members = new StringBuilder();
            for (int m = 0; m < 10; m++) {
                members.append(m == 0 ? "" : ",").append("{\"value\":\"").append(users.get((i * 10 + m) % users.size()))
                        .append("\"}");
            }
            return new LoadDriver.Call("PATCH", s.url() + "/Groups/" + groups.get(i % groups.size()), "{\"schemas\":[\"urn:ietf:params:scim:"
                    + "api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":["
                    + members + "]}]}", s.token());
        }, 204);
    }

    /** {@code pairs} lookups and creates of new users, interleaved as Entra's initial cycle sends them. */
    private LoadDriver.Stats cycle(ServiceBenchmark.Service s, String name, String prefix, int pairs)
            throws Exception {
        return driver.run(name, 8, pairs * 2, i -> i % 2 == 0
                ? ServiceBenchmark.get(s, "/Users?filter=" + ServiceBenchmark.enc("userName eq \"" + prefix + (i / 2)
                        + "@bench.example\""))
                : ServiceBenchmark.post(s, "/Users", ServiceBenchmark.createBody(prefix + (i / 2) + "@bench.example")),
                LoadDriver.ANY_SUCCESS);
    }

    /** The statements of the measured creates, costliest first, each per call and per create. */
    private static ArrayNode statements(Connection c, int count) throws Exception {
        ArrayNode list = JSON.createArrayNode();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT query, calls, total_exec_time,"
                + " shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written, wal_fpi, wal_bytes"
                + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " ORDER BY total_exec_time DESC LIMIT 12")) {
            while (rs.next()) {
                long calls = rs.getLong(2);
                ObjectNode o = list.addObject();
                String query = rs.getString(1).replaceAll("\\s+", " ");
                o.put("query", query.length() > 160 ? query.substring(0, 160) + "…" : query);
                o.put("calls", calls);
                o.put("ms_per_call", round(rs.getDouble(3) / calls));
                o.put("ms_each", round(rs.getDouble(3) / count));
                o.put("hit_per_call", round(rs.getLong(4) / (double) calls));
                o.put("read_per_call", round(rs.getLong(5) / (double) calls));
                o.put("dirtied_per_call", round(rs.getLong(6) / (double) calls));
                o.put("written_per_call", round(rs.getLong(7) / (double) calls));
                o.put("fpi_per_call", round(rs.getLong(8) / (double) calls));
                o.put("wal_kb_per_call", round(rs.getDouble(9) / 1024 / calls));
            }
        }
        return list;
    }

    private static ObjectNode indexSizes(Connection c) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT indexrelname,"
                + " pg_relation_size(indexrelid) FROM pg_stat_user_indexes WHERE relname = 'users' ORDER BY 2 DESC")) {
            while (rs.next()) {
                o.put(rs.getString(1), rs.getLong(2) / 1024);
            }
        }
        return o;
    }

    private static long oneLong(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
