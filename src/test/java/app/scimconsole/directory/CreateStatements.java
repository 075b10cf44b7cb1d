package app.scimconsole.directory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * What each statement of a create's transaction costs SQLite's single writer, and which B-trees its commit writes
 * (issue 21 item 4). On a fresh file migrated to the current schema, after 1,000 users, {@code N} creates as the writer
 * runs them ({@code BEGIN IMMEDIATE}, the user's {@code INSERT}, the activity entry's, the event's as {@link EventRows}
 * numbers it, {@code COMMIT}; {@code GROUP} creates a commit, as the group commit joins concurrent ones), on a
 * connection set up as the writer's (WAL, {@code synchronous=FULL}, 16 MB of cache, statements kept), the log never
 * checkpointed. Prints the thread's CPU in each statement (the commit's is mostly the kernel's: the log's writes and
 * {@code fsync}), the log's frames of the last commits by the B-tree each page belongs to
 * ({@code dbstat}), and each table's bytes a row.
 *
 * <p>{@code java -cp <test class path> app.scimconsole.directory.CreateStatements [N] [GROUP]}
 */
public final class CreateStatements {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String TIME = "2026-12-08T03:00:00.000Z";
    private static final List<String> STEPS = List.of("BEGIN IMMEDIATE", "user INSERT", "activity INSERT",
            "event INSERT", "COMMIT");

    private final Connection c;
    private final long[] cpu = new long[STEPS.size()];

    private CreateStatements(Connection c) {
        this.c = c;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int group = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path dir = Files.createTempDirectory("create-statements");
        Path file = dir.resolve("creates.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations(Migrations.locations(SqlDialect.SQLITE)).load()
                .migrate();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setGetGeneratedKeys(false);
        try (Connection c = StatementCache.wrap(config.createConnection(url))) {
            run(c, "PRAGMA wal_autocheckpoint = 0");
            run(c, "PRAGMA cache_size = -16384");
            run(c, "INSERT INTO tenants (id, scim_enabled, created) VALUES ('t', TRUE, '" + TIME + "')");
            CreateStatements probe = new CreateStatements(c);
            run(c, "BEGIN IMMEDIATE");
            for (int i = 0; i < 1000; i++) {
                probe.create(i, false);
            }
            run(c, "COMMIT");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
            }
            for (int i = 1000; i < 1000 + n; i++) {
                if ((i - 1000) % group == 0) {
                    probe.timed(0, () -> probe.update("BEGIN IMMEDIATE"));
                }
                probe.create(i, true);
                if ((i - 1000 + 1) % group == 0) {
                    probe.timed(4, () -> probe.update("COMMIT"));
                }
            }
            System.out.printf(Locale.ROOT, "%,d creates, %d a commit (load %s):%n", n, group,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            for (int k = 0; k < STEPS.size(); k++) {
                System.out.printf(Locale.ROOT, "  %-16s %6.1f µs a create%n", STEPS.get(k), probe.cpu[k] / 1e3 / n);
            }
            probe.printPagesByTree(file.resolveSibling("creates.db-wal"), Math.min(n / group, 500), group);
            probe.printRowBytes();
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(dir.resolve("creates.db" + suffix));
            }
            Files.deleteIfExists(dir);
        }
        System.exit(0);
    }

    private interface Step {
        void run() throws SQLException;
    }

    private void timed(int step, Step work) throws SQLException {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        work.run();
        cpu[step] += THREADS.getCurrentThreadCpuTime() - cpu0;
    }

    /** User {@code i}'s create: its row, its activity entry with its history, its event; timed when {@code measured}. */
    private void create(int i, boolean measured) throws SQLException {
        String id = ResourceIds.of(Instant.parse(TIME).plusMillis(i));
        String userName = "bench-" + i + "@example.com";
        String doc = String.format(Locale.ROOT, CommitPages.DOC, id, "ext-" + i, userName, i, userName);
        Step userRow = () -> update("INSERT INTO users (tenant_id, id, user_name, user_name_lc, user_name_key,"
                + " external_id, display_name, display_name_lc, active, manager_id, created, last_modified, version, doc)"
                + " VALUES ('t', ?, ?, ?, ?, ?, ?, ?, TRUE, NULL, ?, ?, 1, ?)", id, userName, userName, userName,
                "ext-" + i, "Bench User " + i, "bench user " + i, TIME, TIME, doc);
        String changes = "[{\"attribute\":\"userName\",\"old\":null,\"new\":\"" + userName + "\"},"
                + "{\"attribute\":\"displayName\",\"old\":null,\"new\":\"Bench User " + i + "\"},"
                + "{\"attribute\":\"title\",\"old\":null,\"new\":\"Engineer\"},{\"attribute\":\"externalId\","
                + "\"old\":null,\"new\":\"ext-" + i + "\"}]";
        Step entry = () -> update("INSERT INTO activity (time, tenant_id, operation, resource, resource_id, user_name,"
                + " outcome, code, args, detail, client_address, request_id, changes) VALUES (?, 't', 'create', 'User',"
                + " ?, ?, 'success', 'activity.created', '[]', NULL, '127.0.0.1', ?, ?)", TIME, id, userName, "req-" + i,
                changes);
        Instant at = Instant.parse(TIME);
        Step event = () -> EventRows.append(c, "t", at, List.of(new Directory.Event(0, "t", at, "user.created", "User",
                id, null, null, null)), List.of(new EventRows.Written(doc, "{}")));
        if (measured) {
            timed(1, userRow);
            timed(2, entry);
            timed(3, event);
        } else {
            userRow.run();
            entry.run();
            event.run();
        }
    }

    private void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < params.length; k++) {
                ps.setObject(k + 1, params[k]);
            }
            ps.executeUpdate();
        }
    }

    /**
     * The log's last {@code commits} commits: the distinct pages each wrote, by the B-tree (table or index) a page
     * belongs to now, a commit and a create.
     */
    private void printPagesByTree(Path log, int commits, int group) throws SQLException, IOException {
        Map<Long, String> owner = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pageno, name FROM dbstat")) {
            while (rs.next()) {
                owner.put(rs.getLong(1), rs.getString(2));
            }
        }
        List<Set<Long>> pagesOfCommits = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(32);
            ch.read(header, 0);
            int pageSize = header.getInt(8);
            Set<Long> current = new HashSet<>();
            ByteBuffer frame = ByteBuffer.allocate(24);
            for (long at = 32; at + 24 + pageSize <= ch.size(); at += 24 + pageSize) {
                frame.clear();
                ch.read(frame, at);
                current.add(Integer.toUnsignedLong(frame.getInt(0)));
                if (frame.getInt(4) != 0) { // the commit's last frame: the database's size in pages after it
                    pagesOfCommits.add(current);
                    current = new HashSet<>();
                }
            }
        }
        List<Set<Long>> last = pagesOfCommits.subList(Math.max(0, pagesOfCommits.size() - commits),
                pagesOfCommits.size());
        Map<String, Integer> byTree = new TreeMap<>();
        int total = 0;
        for (Set<Long> pages : last) {
            for (long page : pages) {
                byTree.merge(owner.getOrDefault(page, "(free or new)"), 1, Integer::sum);
                total++;
            }
        }
        System.out.printf(Locale.ROOT, "  pages a commit over the last %d commits: %.2f (%.2f a create); by B-tree:%n",
                last.size(), total / (double) last.size(), total / (double) last.size() / group);
        Map<String, Integer> sorted = new LinkedHashMap<>();
        byTree.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((name, count) -> System.out.printf(Locale.ROOT, "    %-28s %5.2f a commit%n", name,
                count / (double) last.size()));
    }

    /** Each table's stored bytes a row (its cells' payload, overflow included) and its rows a leaf page. */
    private void printRowBytes() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name, SUM(payload),"
                + " SUM(ncell) FILTER (WHERE pagetype = 'leaf'), SUM(pagetype = 'leaf'), SUM(pagetype = 'overflow')"
                + " FROM dbstat WHERE name IN ('users', 'activity', 'directory_events') GROUP BY name")) {
            while (rs.next()) {
                long rows = rs.getLong(3);
                System.out.printf(Locale.ROOT, "  %-18s %,7.0f bytes a row, %.1f rows a leaf page, %d overflow pages%n",
                        rs.getString(1), rs.getLong(2) / (double) rows, rows / (double) rs.getLong(4), rs.getLong(5));
            }
        }
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
