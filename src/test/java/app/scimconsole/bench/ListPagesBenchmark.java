package app.scimconsole.bench;

import app.scimconsole.admin.AdminApi.UserPage;
import app.scimconsole.admin.AdminApi.UserQuery;
import app.scimconsole.admin.AdminApi.UserStatus;
import app.scimconsole.directory.Directory.Page;
import app.scimconsole.directory.Directory.Query;
import app.scimconsole.directory.Directory.Seek;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SortSql;
import app.scimconsole.directory.SqlDialect;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqlWhere;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.directory.StorageException;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.Schemas;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.UserNameKey;
import app.scimconsole.service.AdminService;
import app.scimconsole.service.ServiceCore;
import app.scimconsole.service.UnindexedSorts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What one page of each list the console pages by cursor costs at a large directory (issue 21, item 3): the Users
 * view's first page and a next page in every sort its columns offer, the Groups view's pages, and a group's members
 * (one of a tenth of the users, one of fifty), on SQLite and on PostgreSQL. The directory is filled in bulk with
 * synthetic users (not through SCIM: the sorts, not the creates, are measured here), then each statement's plan is
 * read (does the sort walk an index, or sort every user?) and each page timed through the directory, best of
 * {@value #ROUNDS} after a warm-up. Then the same sorts as the admin API answers them, under the rule for sorts no
 * index holds ({@link UnindexedSorts}): what a refused click costs, and what an allowed one (a list narrowed by a
 * search or a status) costs, with the check alone beside it. Adds {@code list_pages_<scale>} to
 * {@code OUT/results.json}.
 *
 * <p>{@code ListPagesBenchmark USERS OUT [sqlite|postgres|both]}
 */
public final class ListPagesBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 3;
    private static final int PAGE = 100;
    private static final double SLOW_MS = 2_000;
    private static final java.time.Instant FIRST_CREATED = java.time.Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] SORTS = {null, "userName", "displayName", "emails.value", "title",
        Schemas.ENTERPRISE_URN + ":department", "active", "meta.lastModified"};

    private ListPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        String engines = args.length > 2 ? args[2] : "both";
        Files.createDirectories(out);
        ObjectNode all = JSON.createObjectNode();
        if (engines.equals("sqlite") || engines.equals("both")) {
            Path folder = out.resolve("list-pages-sqlite");
            deleteTree(folder);
            try (SqlDirectory dir = SqliteDirectory.open(folder); Connection c = DriverManager.getConnection(
                    "jdbc:sqlite:" + folder.resolve(SqliteDirectory.FILE_NAME))) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA synchronous = OFF"); // the fill only: a file made to be measured
                }
                all.set("sqlite", measure(dir, c, SqlDialect.SQLITE, users));
            }
        }
        if (engines.equals("postgres") || engines.equals("both")) {
            try (BenchPostgres server = BenchPostgres.start()) {
                PostgresDirectory.Settings settings = server.freshDatabase();
                try (SqlDirectory dir = PostgresDirectory.open(settings); Connection c = DriverManager.getConnection(
                        settings.url(), settings.user(), settings.password())) {
                    all.set("postgres", measure(dir, c, SqlDialect.POSTGRES, users));
                }
            }
        }
        all.put("load_average", Files.readString(Path.of("/proc/loadavg")).strip());
        Path file = out.resolve("results.json");
        ObjectNode results = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        results.set("list_pages_" + scale(users), all);
        Files.writeString(file, results.toPrettyString());
        System.out.println(all.toPrettyString());
    }

    static String scale(int users) {
        return users >= 1_000_000 && users % 1_000_000 == 0 ? users / 1_000_000 + "m" : users / 1000 + "k";
    }

    private static ObjectNode measure(SqlDirectory dir, Connection c, SqlDialect dialect, int users) throws Exception {
        String tenant = dir.createTenant().id();
        long t0 = System.nanoTime();
        Filled filled = fill(c, tenant, users, dialect);
        if (dir instanceof SqliteDirectory sqlite) {
            sqlite.indexNames(); // the trigram table, as the service's indexer fills it after its own writes
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("users", users);
        o.put("fill_s", (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "%s: %,d users filled in %.0f s%n", dialect, users, o.get("fill_s").asDouble());
        for (String sort : SORTS) {
            for (boolean descending : new boolean[] {false, true}) {
                if (sort == null && descending) {
                    continue; // creation order is only ever ascending
                }
                AttrPath by = sort == null ? null : FilterParser.parseAttrPath(sort);
                String name = "users_by_" + (sort == null ? "creation" : sort.substring(sort.lastIndexOf(':') + 1)
                        .replace('.', '_')) + (descending ? "_desc" : "");
                Query first = new Query(null, by, descending, 1, PAGE, false);
                ObjectNode e = o.putObject(name);
                e.put("sorts_every_user", sortsEveryRow(c, dialect, tenant, by, descending));
                pages(e, () -> dir.query(tenant, ResourceType.USER, first),
                        p -> dir.query(tenant, ResourceType.USER, first.seeking(new Seek(p.last(), false))));
                print(dialect, name, e);
            }
        }
        try (ServiceCore core = new ServiceCore(dir, null, Clock.systemUTC())) {
            AdminService admin = core.admin(t -> "", t -> "", t -> "");
            int limit = core.unindexedSorts().limit();
            for (RuleCase r : RULE_CASES) {
                ObjectNode e = o.putObject("admin_" + r.name());
                e.put("check_ms", best(() -> dir.matchesMoreThan(tenant, ResourceType.USER, r.filter(), limit)));
                adminPages(e, admin, r.query());
                System.out.printf(Locale.ROOT, "%-9s %-32s %s, the check alone %.1f ms%n", dialect, "admin_" + r.name(),
                        e.path("refused").asBoolean() ? String.format(Locale.ROOT, "refused in %.1f ms",
                                e.get("refusal_ms").asDouble()) : "first page " + figure(e, "first_page") + ", next page "
                                + figure(e, "next_page"), e.get("check_ms").asDouble());
            }
        }
        Query groups = new Query(null, AttrPath.of("displayName"), false, 1, PAGE, false);
        ObjectNode g = o.putObject("groups_by_name");
        pages(g, () -> dir.query(tenant, ResourceType.GROUP, groups),
                p -> dir.query(tenant, ResourceType.GROUP, groups.seeking(new Seek(p.last(), false))));
        print(dialect, "groups_by_name", g);
        for (String[] group : new String[][] {{"members_of_a_tenth", filled.large()},
            {"members_of_fifty", filled.small()}}) {
            ObjectNode m = o.putObject(group[0]);
            pages(m, () -> dir.members(tenant, group[1], 1, PAGE, null),
                    p -> dir.members(tenant, group[1], 1, PAGE, new Seek(p.last(), false)));
            print(dialect, group[0], m);
        }
        return o;
    }

    /** A Users view query under the rule, and the filter the service makes of it (for the check alone). */
    private record RuleCase(String name, UserQuery query, Filter filter) {
    }

    private static final String TITLE = "title";
    private static final List<RuleCase> RULE_CASES = List.of(
            new RuleCase("title_everyone", new UserQuery(null, UserStatus.ANY, null, TITLE, false, 1, PAGE), null),
            new RuleCase("email_everyone", new UserQuery(null, UserStatus.ANY, null, "emails.value", false, 1, PAGE),
                    null),
            new RuleCase("department_everyone", new UserQuery(null, UserStatus.ANY, null,
                    Schemas.ENTERPRISE_URN + ":department", true, 1, PAGE), null),
            new RuleCase("title_suspended", new UserQuery(null, UserStatus.SUSPENDED, null, TITLE, false, 1, PAGE),
                    FilterParser.parseFilter("active eq false")),
            new RuleCase("title_search_user-4213", new UserQuery("user-4213", UserStatus.ANY, null, TITLE, false, 1,
                    PAGE), FilterParser.parseFilter("userName co \"user-4213\" or displayName co \"user-4213\"")));

    /**
     * A query as the admin API answers it: refused (timed best of {@link #ROUNDS} after a first refusal), or its first
     * page and the page after it by cursor.
     */
    private static void adminPages(ObjectNode e, AdminService admin, UserQuery q) {
        try {
            admin.users(q);
        } catch (ScimException refused) {
            e.put("refused", true);
            e.put("refusal_ms", best(() -> {
                try {
                    admin.users(q);
                } catch (ScimException again) {
                    // the refusal is what is timed
                }
            }));
            return;
        }
        e.put("refused", false);
        UserPage[] p = new UserPage[1];
        if (timed(e, "first_page_ms", () -> p[0] = admin.users(q))) {
            e.put("rows", p[0].users().size());
            if (p[0].nextCursor() != null) {
                timed(e, "next_page_ms", () -> admin.users(q.at(p[0].nextCursor())));
            }
        }
    }

    private static void print(SqlDialect dialect, String name, ObjectNode e) {
        System.out.printf(Locale.ROOT, "%-9s %-32s first page %s, next page %s%s%n", dialect, name,
                figure(e, "first_page"), figure(e, "next_page"),
                e.path("sorts_every_user").asBoolean() ? "  (sorts every user)" : "");
    }

    /**
     * The first page (counted) and the page after it (a keyset page), each best of {@link #ROUNDS} after a warm-up;
     * a page slower than {@link #SLOW_MS} is timed once (its warm-up), and one the database gave up on (PostgreSQL's
     * statement limit) is recorded as such, with the time until it gave up.
     */
    private static void pages(ObjectNode e, Supplier<Page> first, java.util.function.Function<Page, Page> next) {
        Page[] p = new Page[1];
        if (timed(e, "first_page_ms", () -> p[0] = first.get())) {
            e.put("rows", p[0].resources().size());
            timed(e, "next_page_ms", () -> next.apply(p[0]));
        }
    }

    private static boolean timed(ObjectNode e, String key, Runnable r) {
        long t = System.nanoTime();
        try {
            r.run();
        } catch (StorageException failed) {
            e.put(key.replace("_ms", "_failed_after_ms"), Math.round((System.nanoTime() - t) / 1e5) / 10.0);
            e.put(key.replace("_ms", "_failure"), String.valueOf(failed.getMessage()));
            return false;
        }
        double once = (System.nanoTime() - t) / 1e6;
        e.put(key, once > SLOW_MS ? Math.round(once * 10) / 10.0 : best(r));
        return true;
    }

    private static double best(Runnable r) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            r.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        return Math.round(best * 10) / 10.0;
    }

    private static String figure(ObjectNode e, String page) {
        return e.has(page + "_ms") ? String.format(Locale.ROOT, "%9.1f ms", e.get(page + "_ms").asDouble())
                : e.has(page + "_failed_after_ms") ? "failed after " + e.get(page + "_failed_after_ms").asDouble()
                        + " ms" : "-";
    }

    /**
     * Whether the engine's plan for a page in this order sorts every user (a temporary B-tree, a Sort step), in any of
     * the statements the page is read with ({@link SortSql#walks}).
     */
    private static boolean sortsEveryRow(Connection c, SqlDialect dialect, String tenant, AttrPath by,
            boolean descending) throws Exception {
        for (SqlWhere walk : SortSql.walks(dialect, ResourceType.USER, by, descending)) {
            if (sorts(c, dialect, SqlWhere.of("SELECT r.id FROM users r WHERE r.tenant_id = ? ", tenant).join("", walk)
                    .join("", SqlWhere.of(" LIMIT 100")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean sorts(Connection c, SqlDialect dialect, SqlWhere sql) throws Exception {
        List<String> plan = new ArrayList<>();
        String explain = dialect == SqlDialect.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ";
        try (PreparedStatement ps = c.prepareStatement(explain + sql.sql())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(dialect == SqlDialect.SQLITE ? 4 : 1));
                }
            }
        }
        return plan.stream().anyMatch(line -> line.contains("TEMP B-TREE FOR ORDER BY")
                || line.matches("\\s*(->\\s*)?Sort .*"));
    }

    record Filled(String large, String small) {
    }

    /**
     * {@code users} users (each with an Entra-like externalId, a twentieth without a display name, a tenth suspended;
     * 500 titles, 80 departments), a group per hundred users, one group holding every tenth user, and one of fifty; in
     * bulk, 10,000 rows a transaction.
     */
    static Filled fill(Connection c, String tenant, int users, SqlDialect dialect) throws Exception {
        c.setAutoCommit(false);
        List<String> ids = new ArrayList<>(users);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (tenant_id, id, user_name, user_name_lc,"
                + " user_name_key, display_name, display_name_lc, active, created, last_modified, version, doc,"
                + " external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
            for (int i = 0; i < users; i++) {
                String id = timeOrderedId(i);
                ids.add(id);
                String userName = "user-" + i + "@example.com";
                String display = i % 20 == 0 ? null : "User " + i;
                boolean active = i % 10 != 0;
                ObjectNode doc = JSON.createObjectNode();
                doc.putArray("schemas").add(Schemas.USER_URN).add(Schemas.ENTERPRISE_URN);
                doc.put("userName", userName);
                String externalId = UUID.randomUUID().toString();
                doc.put("externalId", externalId);
                if (display != null) {
                    doc.put("displayName", display);
                }
                doc.put("title", "Title " + (i * 31 % 500));
                doc.put("active", active);
                doc.putArray("emails").addObject().put("value", userName).put("type", "work").put("primary", true);
                doc.putObject(Schemas.ENTERPRISE_URN).put("department", "Dept " + (i * 17 % 80));
                String time = String.format(Locale.ROOT, "2026-01-01T%02d:%02d:%02d.%03dZ", i / 3_600_000 % 24,
                        i / 60_000 % 60, i / 1000 % 60, i % 1000);
                ps.setString(1, tenant);
                ps.setString(2, id);
                ps.setString(3, userName);
                ps.setString(4, userName);
                ps.setString(5, UserNameKey.of(userName));
                ps.setString(6, display);
                ps.setString(7, display == null ? null : display.toLowerCase(Locale.ROOT));
                ps.setBoolean(8, active);
                ps.setString(9, time);
                ps.setString(10, time);
                ps.setString(11, doc.toString());
                ps.setString(12, externalId); // Entra's object id, as every user it creates carries
                ps.addBatch();
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        String large = group(c, tenant, "A tenth of everyone", ids, 10);
        String small = group(c, tenant, "Fifty", ids.subList(0, Math.min(ids.size(), 50 * 997)), 997);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO groups (tenant_id, id, display_name,"
                + " display_name_lc, created, last_modified, version, doc) VALUES (?, ?, ?, ?, ?, ?, 1, ?)")) {
            for (int i = 0; i < users / 100; i++) {
                addGroup(ps, tenant, UUID.randomUUID().toString(), String.format("Group %06d", i * 7919 % 1_000_000));
            }
            ps.executeBatch();
        }
        c.commit();
        if (dialect == SqlDialect.POSTGRES) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE"); // what autovacuum does once the rows are in
            }
            c.commit();
        }
        c.setAutoCommit(true);
        return new Filled(large, small);
    }

    /**
     * The id the service would give the {@code i}th user, created at the {@code i}th millisecond of 2026: a version 7
     * UUID (the millisecond first, then random bits), so that the ids grow in creation order as the service's do.
     */
    private static String timeOrderedId(int i) {
        long millis = FIRST_CREATED.toEpochMilli() + i;
        return new UUID(millis << 16 | 0x7000L, UUID.randomUUID().getLeastSignificantBits()).toString();
    }

    private static String group(Connection c, String tenant, String name, List<String> ids, int every)
            throws Exception {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO groups (tenant_id, id, display_name,"
                + " display_name_lc, created, last_modified, version, doc) VALUES (?, ?, ?, ?, ?, ?, 1, ?)")) {
            addGroup(ps, tenant, id, name);
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_members (group_id, member_id)"
                + " VALUES (?, ?)")) {
            for (int i = 0; i < ids.size(); i += every) {
                ps.setString(1, id);
                ps.setString(2, ids.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        return id;
    }

    private static void addGroup(PreparedStatement ps, String tenant, String id, String name) throws Exception {
        ObjectNode doc = JSON.createObjectNode();
        doc.putArray("schemas").add(Schemas.GROUP_URN);
        doc.put("displayName", name);
        ps.setString(1, tenant);
        ps.setString(2, id);
        ps.setString(3, name);
        ps.setString(4, name.toLowerCase(Locale.ROOT));
        ps.setString(5, "2026-01-01T00:00:00.000Z");
        ps.setString(6, "2026-01-01T00:00:00.000Z");
        ps.setString(7, doc.toString());
        ps.addBatch();
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
