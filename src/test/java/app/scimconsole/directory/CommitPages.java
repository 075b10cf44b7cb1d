package app.scimconsole.directory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * How many 4 KB pages a single-row commit of a user writes to SQLite's log (issue 21): the README's measure of what a
 * create costs besides its {@code fsync}. On a fresh file migrated to each schema, after 1,000 users stored in one
 * transaction, {@code N} users are inserted each in its own transaction, as the service's columns hold them, with the
 * log never checkpointed; the frames the log grew by (its file's length) over {@code N} are the pages of one commit.
 * On the schema where the trigram index is filled after the commit (V27), the indexer's catch-up is counted apart, per
 * batch of {@code BATCH} rows, spread over the rows, and timed. Then the same with the rows a create adds in its
 * transaction (its activity entry, attribute history, event and, before V29, the tenant's event number), written as
 * {@link ActivityRows} and {@link EventRows} of each schema's version write them; then one and eight creates a commit
 * on the last three schemas.
 *
 * <p>{@code java -cp target/test-classes:target/classes:$(cat cp.txt) app.scimconsole.directory.CommitPages [N]
 * [BATCH]} (the class path as for JarComparison in the README).
 */
public final class CommitPages {
    static final String DOC = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"id\":\"%s\",\"externalId\":\"%s\","
            + "\"userName\":\"%s\",\"active\":true,\"displayName\":\"Bench User %d\",\"title\":\"Engineer\","
            + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"%s\"}],\"name\":{\"givenName\":\"Bench\","
            + "\"familyName\":\"User\"},\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":"
            + "\"R&D\",\"employeeNumber\":\"42\"},\"meta\":{\"resourceType\":\"User\",\"created\":"
            + "\"2026-12-07T10:00:00.000Z\",\"lastModified\":\"2026-12-07T10:00:00.000Z\",\"version\":\"W/\\\"1\\\"\"}}";

    /**
     * A schema to measure: migrated up to {@code target} (null: all), then {@code extra} run on it; its rows written as
     * the code of that version wrote them.
     */
    record Schema(String name, String target, List<String> extra) {
        int version() {
            return target == null ? Integer.MAX_VALUE : Integer.parseInt(target);
        }

        /** V27 on: the trigram index is filled after the commit, by the indexer. */
        boolean indexer() {
            return version() >= 27;
        }

        /** V29 on: a write numbers its events from the last one kept, no upsert of the tenant's sequence row. */
        boolean keyedEvents() {
            return version() >= 29;
        }

        /** V30 on: the attribute history is two columns of the activity entry, not a row of its own. */
        boolean historyInEntry() {
            return version() >= 30;
        }
    }

    private CommitPages() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        String fullIndexes = "DROP INDEX users_by_manager; CREATE INDEX users_by_manager ON users (tenant_id, manager_id);"
                + " DROP INDEX users_by_external_id; CREATE INDEX users_by_external_id ON users (tenant_id, external_id)";
        List<Schema> schemas = List.of(
                new Schema("V24 (its trigram index in the commit)", "24", List.of()),
                new Schema("V24 without the trigram index's trigger", "24", List.of("DROP TRIGGER users_text_insert")),
                new Schema("V27 with V24's full indexes on users", "27", List.of(fullIndexes.split("; "))),
                new Schema("V27", "27", List.of()),
                new Schema("V29: one display-name index, events numbered by their key, no index of their dates", "29",
                        List.of()),
                new Schema("V30: the history in the activity entry", null, List.of()));
        for (boolean whole : List.of(false, true)) {
            System.out.println(whole ? "A create's rows (user, activity entry, history, event), a commit each:"
                    : "A user row alone, a commit each:");
            for (Schema schema : schemas) {
                measure(schema, n, batch, whole, 1, false);
            }
        }
        for (int group : List.of(1, 8)) {
            System.out.println("A create's rows, " + group + " create(s) a commit (as the writer groups concurrent ones),"
                    + " pages a create:");
            for (Schema schema : schemas.subList(schemas.size() - 3, schemas.size())) {
                for (boolean timeOrdered : List.of(false, true)) {
                    measure(new Schema(schema.name() + (timeOrdered ? ", time-ordered ids (v7)" : ", random ids"),
                            schema.target(), schema.extra()), n, batch, true, group, timeOrdered);
                }
            }
        }
    }

    /** {@code group}: creates a commit; {@code timeOrdered}: ids as the service makes them (else random ones). */
    private static void measure(Schema schema, int n, int batch, boolean whole, int group, boolean timeOrdered)
            throws Exception {
        Path dir = Files.createTempDirectory("commit-pages");
        Path file = dir.resolve("pages.db");
        String url = "jdbc:sqlite:" + file;
        var flyway = Flyway.configure().dataSource(url, null, null).locations(Migrations.locations(SqlDialect.SQLITE));
        if (schema.target() != null) {
            flyway.target(schema.target());
        }
        flyway.load().migrate();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        try (Connection c = config.createConnection(url)) {
            run(c, "PRAGMA wal_autocheckpoint = 0");
            for (String sql : schema.extra()) {
                run(c, sql);
            }
            run(c, "INSERT INTO tenants (id, scim_enabled, created) VALUES ('t', TRUE, '2026-12-07T10:00:00.000Z')");
            c.setAutoCommit(false);
            for (int i = 0; i < 1000; i++) {
                insert(c, i, whole, timeOrdered, schema);
            }
            boolean indexerSchema = schema.indexer();
            if (indexerSchema) {
                catchUp(c);
            }
            c.commit();
            c.setAutoCommit(true);
            checkpoint(c, "TRUNCATE"); // the log empty; from here on it only grows (never checkpointed)
            Path log = dir.resolve("pages.db-wal");
            int pageSize = pageSize(c);
            long rowFrames = 0;
            long indexerFrames = 0;
            int indexerRuns = 0;
            long indexerNanos = 0;
            for (int done = 0; done < n; done += batch) {
                int rows = Math.min(batch, n - done);
                long before = frames(log, pageSize);
                c.setAutoCommit(false);
                for (int i = 1000 + done; i < 1000 + done + rows; i++) {
                    insert(c, i, whole, timeOrdered, schema);
                    if ((i + 1) % group == 0) {
                        c.commit(); // each its own transaction, or a group's
                    }
                }
                c.commit();
                c.setAutoCommit(true);
                long afterRows = frames(log, pageSize);
                rowFrames += afterRows - before;
                if (indexerSchema) {
                    long start = System.nanoTime();
                    c.setAutoCommit(false);
                    catchUp(c);
                    c.commit();
                    c.setAutoCommit(true);
                    indexerNanos += System.nanoTime() - start;
                    indexerFrames += frames(log, pageSize) - afterRows;
                    indexerRuns++;
                }
            }
            System.out.printf(Locale.ROOT, "  %-42s %5.1f pages a %s", schema.name(),
                    rowFrames / (double) n, group == 1 ? "commit" : "create");
            if (indexerSchema) {
                System.out.printf(Locale.ROOT, "; indexer %.1f pages a run of %d rows (%.2f a row), %.1f in all;"
                        + " %.1f ms a run, its commit included", indexerFrames / (double) indexerRuns, batch,
                        indexerFrames / (double) n, (rowFrames + indexerFrames) / (double) n,
                        indexerNanos / 1e6 / indexerRuns);
            }
            System.out.println();
            printIndexes(c);
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(dir.resolve("pages.db" + suffix));
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void catchUp(Connection c) throws SQLException {
        while (TrigramIndexer.indexSome(c, TrigramIndexer.BATCH) == TrigramIndexer.BATCH) {
            // more left
        }
    }

    /** User {@code i}'s row and, when {@code whole}, the rows its create adds as ActivityRows and EventRows write them. */
    private static void insert(Connection c, int i, boolean whole, boolean timeOrdered, Schema schema)
            throws SQLException {
        String id = timeOrdered ? ResourceIds.of(Instant.parse("2026-12-07T10:00:00Z").plusMillis(i))
                : java.util.UUID.nameUUIDFromBytes(("user-" + i).getBytes()).toString();
        String userName = "bench-" + i + "@example.com";
        String doc = String.format(Locale.ROOT, DOC, id, "ext-" + i, userName, i, userName);
        String time = "2026-12-07T10:00:00.000Z";
        update(c, "INSERT INTO users (tenant_id, id, user_name, user_name_lc, user_name_key, external_id, display_name,"
                + " display_name_lc, active, manager_id, created, last_modified, version, doc) VALUES ('t', ?, ?, ?, ?,"
                + " ?, ?, ?, TRUE, NULL, ?, ?, 1, ?)", id, userName, userName, userName, "ext-" + i, "Bench User " + i,
                "bench user " + i, time, time, doc);
        if (!whole) {
            return;
        }
        String changes = "[{\"attribute\":\"userName\",\"old\":null,\"new\":\"" + userName + "\"},"
                + "{\"attribute\":\"displayName\",\"old\":null,\"new\":\"Bench User " + i + "\"},"
                + "{\"attribute\":\"title\",\"old\":null,\"new\":\"Engineer\"},{\"attribute\":\"externalId\","
                + "\"old\":null,\"new\":\"ext-" + i + "\"}]";
        if (schema.historyInEntry()) {
            update(c, "INSERT INTO activity (time, tenant_id, operation, resource, resource_id, user_name, outcome,"
                    + " code, args, detail, client_address, request_id, changes) VALUES (?, 't', 'create', 'User', ?,"
                    + " ?, 'success', 'activity.created', '[]', NULL, '127.0.0.1', ?, ?)", time, id, userName,
                    "req-" + i, changes);
        } else {
            update(c, "INSERT INTO activity (time, tenant_id, operation, resource, resource_id, user_name, outcome,"
                    + " code, args, detail, client_address) VALUES (?, 't', 'create', 'User', ?, ?, 'success',"
                    + " 'activity.created', '[]', NULL, '127.0.0.1')", time, id, userName);
            update(c, "INSERT INTO attribute_history (activity_seq, tenant_id, time, request_id, changes)"
                    + " VALUES (last_insert_rowid(), 't', ?, ?, ?)", time, "req-" + i, changes);
        }
        if (schema.keyedEvents()) {
            // as the service writes it: the JSON text made before, the number taken in the INSERT
            Instant at = Instant.parse(time);
            EventRows.append(c, "t", at, List.of(new Directory.Event(0, "t", at, "user.created", "User", id, null,
                    null, null)), List.of(new EventRows.Written(doc, "{}")));
            return;
        }
        update(c, "INSERT INTO event_sequences (tenant_id, last_id) VALUES ('t', 1) ON CONFLICT (tenant_id)"
                + " DO UPDATE SET last_id = event_sequences.last_id + 1");
        update(c, "INSERT INTO directory_events (tenant_id, id, time, type, resource_type, resource_id, resource,"
                + " previous, member_id) VALUES ('t', (SELECT last_id FROM event_sequences WHERE tenant_id = 't'), ?,"
                + " 'user.created', 'User', ?, ?, '{}', NULL)", time, id, doc);
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < params.length; k++) {
                ps.setObject(k + 1, params[k]);
            }
            ps.executeUpdate();
        }
    }

    private static void checkpoint(Connection c, String mode) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            rs.next();
        }
    }

    /** The frames in the log: its header, then a frame per page written, each a 24-byte header and the page. */
    private static long frames(Path log, int pageSize) throws java.io.IOException {
        long size = Files.exists(log) ? Files.size(log) : 0;
        return size <= 32 ? 0 : (size - 32) / (24 + pageSize);
    }

    private static int pageSize(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void printIndexes(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM pragma_index_list('users')"
                + " ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        System.out.println("      users' indexes (" + names.size() + "): " + String.join(", ", names));
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
