package app.scimconsole.directory;

import static app.scimconsole.directory.Docs.user;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.PostgresDirectory.Settings;
import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What PostgreSQL can plan for the Users view's statements with V24's indexes (pg_trgm ships with the embedded
 * server): the "contains" search through the trigram indexes, and every sort the console offers on a column in an
 * index's order (no Sort step). For the sorts, a table of a few rows is read whole by any planner, so sequential scans
 * are discouraged there: that test asks whether an index can serve, not whether this tiny table should use it. The
 * search's plan is the planner's own choice among 20,000 users.
 */
class SearchPlanPostgresTest {
    private Connection c;
    private String tenant;

    @BeforeEach
    void open() throws Exception {
        Settings settings = TestPostgres.freshDatabase();
        try (SqlDirectory directory = PostgresDirectory.open(settings)) {
            tenant = directory.createTenant().id();
            for (int i = 0; i < 20; i++) {
                directory.create(tenant, ResourceType.USER, user("user-" + i + "@example.com"), List.of());
            }
        }
        c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
    }

    /** Many users whose names share most trigrams, as the benchmark's do, added in one statement. */
    private void manyUsers() throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (tenant_id, id, user_name, user_name_lc,"
                + " user_name_key, display_name, display_name_lc, created, last_modified, version, doc)"
                + " SELECT ?, 'id-' || i, 'user-' || i, 'user-' || i, 'user-' || i, 'User ' || i, 'user ' || i,"
                + " '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 1, '{}' FROM generate_series(1, 20000) i")) {
            ps.setString(1, tenant);
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE users");
        }
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    @Test
    void aContainsSearchUsesTheTrigramIndexes() throws Exception {
        manyUsers();
        SqlWhere sql = SqlWhere.of("SELECT r.id FROM users r WHERE r.tenant_id = ?", tenant)
                .join(" AND ", FilterSql.where(SqlDialect.POSTGRES, ResourceType.USER, search("er-4213"))
                        .wrap("(", ")"));
        String plan = String.join("\n", explain(sql));
        assertThat(plan).contains("users_user_name_trigrams").contains("users_display_name_trigrams");
    }

    /**
     * The trigram indexes keep no pending list (V31): a search never reads through the names of recent creates in an
     * unsorted list, whatever a vacuum has merged yet; a user created just now is found all the same.
     */
    @Test
    void theTrigramIndexesKeepNoPendingList() throws Exception {
        for (String index : List.of("users_user_name_trigrams", "users_display_name_trigrams")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT array_to_string(reloptions, ',') FROM pg_class"
                    + " WHERE relname = ?")) {
                ps.setString(1, index);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as(index).isTrue();
                    assertThat(rs.getString(1)).as(index).contains("fastupdate=off");
                }
            }
        }
        manyUsers();
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
        SqlWhere sql = SqlWhere.of("SELECT r.id FROM users r WHERE r.tenant_id = ?", tenant)
                .join(" AND ", FilterSql.where(SqlDialect.POSTGRES, ResourceType.USER, search("er-19999"))
                        .wrap("(", ")"));
        List<String> plan = explain("EXPLAIN (ANALYZE, TIMING OFF) ", sql);
        assertThat(plan).as(String.join("\n", plan)).anyMatch(line -> line.contains("users_user_name_trigrams"))
                .anyMatch(line -> line.matches(".*Bitmap Heap Scan.*actual rows=1 .*"));
    }

    /** The Users view's search: the text in either name. */
    private static Filter search(String s) {
        Literal text = new Literal.Str(s);
        return new Filter.Or(new Filter.Compare(AttrPath.of("userName"), CompareOp.CO, text),
                new Filter.Compare(AttrPath.of("displayName"), CompareOp.CO, text));
    }

    @Test
    void everyColumnSortIsAnIndexOrder() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
        for (String sort : List.of("userName", "displayName", "meta.lastModified", "active", "meta.created")) {
            for (boolean descending : List.of(false, true)) {
                AttrPath by = sort.equals("meta.created") ? null : FilterParser.parseAttrPath(sort);
                if (by == null && descending) {
                    continue; // creation order is only ever ascending
                }
                SortOrder order = SortSql.order(SqlDialect.POSTGRES, ResourceType.USER, by, descending);
                for (SqlWhere sql : offsetPage(order, 101, 100)) {
                    List<String> plan = explain(sql);
                    assertThat(plan).as(sort + (descending ? " descending: " : ": ") + plan)
                            .noneMatch(line -> line.contains("Sort"))
                            .anyMatch(line -> line.contains("Index Scan"));
                }
            }
        }
    }

    /**
     * The statements of a page by offset as {@code ResourceRows.query} reads them: one, or one for each run of an order
     * read in runs (a descending display-name sort, whose one index is walked backward since V31).
     */
    private List<SqlWhere> offsetPage(SortOrder order, int startIndex, int count) {
        SqlWhere where = SqlWhere.of(" FROM users r WHERE r.tenant_id = ?", tenant);
        if (!order.readsInRuns()) {
            return List.of(ResourceRows.pageSql(where, order, startIndex, count));
        }
        return order.runs().stream().map(run -> ResourceRows.runSql(where, run, order, false, count,
                startIndex - 1L)).toList();
    }

    @Test
    void aDescendingDisplayNameSortWalksTheOneIndexBackward() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
        SortOrder order = SortSql.order(SqlDialect.POSTGRES, ResourceType.USER, AttrPath.of("displayName"), true);
        List<SqlWhere> runs = offsetPage(order, 101, 100);
        assertThat(runs).hasSize(2);
        for (SqlWhere run : runs) {
            List<String> plan = explain(run);
            assertThat(plan).as(String.join("\n", plan)).noneMatch(line -> line.contains("Sort"))
                    .anyMatch(line -> line.contains("Index Scan Backward using users_by_display_name "));
        }
    }

    @Test
    void aKeysetPageSeeksItsPlaceInTheSortsIndexEitherWay() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
        for (String sort : List.of("userName", "displayName", "meta.lastModified", "active", "meta.created")) {
            for (boolean descending : List.of(false, true)) {
                AttrPath by = sort.equals("meta.created") ? null : FilterParser.parseAttrPath(sort);
                SortOrder order = SortSql.order(SqlDialect.POSTGRES, ResourceType.USER, by, descending);
                for (Directory.Position p : SearchPlanTest.positions(sort)) {
                    for (boolean backward : List.of(false, true)) {
                        for (SqlWhere segment : order.segments(new Directory.Seek(p, backward))) {
                            List<String> plan = explain(ResourceRows.segmentSql(
                                    SqlWhere.of(" FROM users r WHERE r.tenant_id = ?", tenant), segment, order,
                                    backward, 101));
                            String what = sort + (descending ? " descending" : "") + (backward ? ", back" : "")
                                    + " from " + p.key() + ": " + plan;
                            assertThat(plan).as(what).noneMatch(line -> line.contains("Sort"))
                                    .anyMatch(line -> line.contains("Index"));
                            if (segment.params().contains("m")) {
                                // the place is a bound of the index scan, not a filter on every entry walked
                                assertThat(plan).as(what).anyMatch(line -> line.contains("Index Cond")
                                        && line.matches(".*(ROW\\(|id(\\)::text)? [<>] ).*"));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * A group's members ({@link MemberPages}), as the planner chooses among 20,000 users: a group of a quarter of them
     * is walked in the name index, each user tested by a probe of the memberships' key (no Sort, whatever the page);
     * a group of twenty is read from its memberships, its members sought by id (no scan of the users).
     */
    @Test
    void aGroupsMembersAreReadByThePlanForItsSize() throws Exception {
        manyUsers();
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO groups (tenant_id, id, display_name, display_name_lc, created, last_modified,"
                    + " version, doc) VALUES ('" + tenant + "', 'big', 'Big', 'big', '2024-01-01T00:00:00.000Z',"
                    + " '2024-01-01T00:00:00.000Z', 1, '{}'), ('" + tenant + "', 'small', 'Small', 'small',"
                    + " '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', 1, '{}')");
            s.execute("INSERT INTO group_members (group_id, member_id) SELECT 'big', 'id-' || i"
                    + " FROM generate_series(1, 20000, 4) i");
            s.execute("INSERT INTO group_members (group_id, member_id) SELECT 'small', 'id-' || i"
                    + " FROM generate_series(7, 20000, 1000) i");
            s.execute("ANALYZE groups");
            s.execute("ANALYZE group_members");
        }
        SortOrder order = SortSql.order(SqlDialect.POSTGRES, ResourceType.USER, Directory.MEMBERS_ORDER, false);
        SqlWhere walk = MemberPages.from(SqlDialect.POSTGRES, order, tenant, "big", true);
        SqlWhere sorted = MemberPages.from(SqlDialect.POSTGRES, order, tenant, "small", false);
        for (boolean backward : List.of(false, true)) {
            SqlWhere segment = order.segments(new Directory.Seek(new Directory.Position("user-5", "id-5"), backward))
                    .get(0);
            List<String> plan = explain(ResourceRows.segmentSql(walk, segment, order, backward, 101));
            assertThat(plan).as("walked: " + plan).noneMatch(line -> line.contains("Sort"))
                    .anyMatch(line -> line.contains("users_name_search") && line.contains("Index"))
                    .noneMatch(line -> line.contains("Seq Scan"));
            plan = explain(ResourceRows.segmentSql(sorted, segment, order, backward, 101));
            assertThat(plan).as("sorted: " + plan).anyMatch(line -> line.contains("group_members_pkey"))
                    .noneMatch(line -> line.contains("Seq Scan"));
        }
        assertThat(explain(ResourceRows.pageSql(walk, order, 1, 100))).noneMatch(line -> line.contains("Sort"))
                .noneMatch(line -> line.contains("Seq Scan"));
    }

    /** Groups by name seek their place in the unique name index (its one name per group leaves nothing to sort). */
    @Test
    void groupsSortedByNameSeekTheirUniqueNameIndex() throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off");
        }
        SortOrder order = SortSql.order(SqlDialect.POSTGRES, ResourceType.GROUP, AttrPath.of("displayName"), false);
        for (boolean backward : List.of(false, true)) {
            SqlWhere segment = order.segments(new Directory.Seek(new Directory.Position("m", "m"), backward)).get(0);
            List<String> plan = explain(ResourceRows.segmentSql(SqlWhere.of(" FROM groups r WHERE r.tenant_id = ?",
                    tenant), segment, order, backward, 101));
            assertThat(plan).as(String.join("\n", plan)).noneMatch(line -> line.matches("\\s*(->\\s*)?Sort.*"))
                    .anyMatch(line -> line.contains("Index Cond") && line.contains("display_name_lc"));
        }
    }

    /**
     * Whether more users match than a limit (the rule for sorts no index holds), run among 20,000 users: the LIMIT
     * ends the read, so no step of the plan reads more than the limit and one more, with or without a search.
     */
    @Test
    void theBoundedCountReadsNoMoreThanTheLimitAndOne() throws Exception {
        manyUsers();
        for (Filter filter : new Filter[] {null, search("user-")}) {
            SqlWhere where = SqlWhere.of(" FROM users r WHERE r.tenant_id = ?", tenant);
            if (filter != null) {
                where = where.join(" AND ", FilterSql.where(SqlDialect.POSTGRES, ResourceType.USER, filter)
                        .wrap("(", ")"));
            }
            List<String> plan = explain("EXPLAIN (ANALYZE, TIMING OFF) ", ResourceRows.boundedCountSql(where, 100));
            List<Long> rows = plan.stream().map(java.util.regex.Pattern.compile("actual rows=(\\d+)")::matcher)
                    .filter(java.util.regex.Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
            assertThat(rows).as(String.join("\n", plan)).isNotEmpty().allMatch(n -> n <= 101).contains(101L);
        }
    }

    /**
     * A member PATCH's check that its new members are users of the tenant ({@link Memberships#usersByIdSql}), as the
     * planner chooses among 20,000 users: each member sought in the primary key, no scan of the tenant's users.
     */
    @Test
    void aMemberPatchFindsItsMembersByTheirKey() throws Exception {
        manyUsers();
        List<Object> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ids.add("id-" + (i * 1999));
        }
        List<String> plan = explain("EXPLAIN (ANALYZE, TIMING OFF) ",
                new SqlWhere(Memberships.usersByIdSql(ids.size()), ids));
        assertThat(plan).as(String.join("\n", plan)).anyMatch(line -> line.contains("users_pkey"))
                .noneMatch(line -> line.contains("Seq Scan")).anyMatch(line -> line.contains("actual rows=10 "));
    }

    private List<String> explain(SqlWhere sql) throws Exception {
        return explain("EXPLAIN ", sql);
    }

    private List<String> explain(String prefix, SqlWhere sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(prefix + sql.sql())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
