package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.FilterParser;
import app.scimconsole.scim.ResourceType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What SQLite plans for the Users view's statements (V24's indexes): a narrowing search is read from the trigram
 * table and the users' rows only by rowid; a short search reads the names from a covering index; every sort the
 * console offers on a column walks an index instead of sorting every user, also while a search is typed, and then
 * tests the names from the index before it reads a row (the trap of an earlier attempt: sort indexes without the
 * names made each keystroke read every user's row).
 */
class SearchPlanTest {
    private static final List<String> COLUMN_SORTS = List.of("userName", "displayName", "meta.lastModified",
            "active", "meta.created");

    @TempDir
    Path dir;
    Connection c;

    @BeforeEach
    void open() throws Exception {
        SqliteDirectory.open(dir).close(); // migrated
        c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME));
    }

    @AfterEach
    void close() throws Exception {
        c.close();
    }

    private static Filter search(String s) {
        Literal text = new Literal.Str(s);
        return new Filter.Or(new Filter.Compare(AttrPath.of("userName"), CompareOp.CO, text),
                new Filter.Compare(AttrPath.of("displayName"), CompareOp.CO, text));
    }

    private static SqlWhere where(String from, Filter filter) {
        SqlWhere where = SqlWhere.of(" FROM users r" + from + " WHERE r.tenant_id = ?", "t");
        return filter == null ? where : where.join(" AND ", FilterSql.where(ResourceType.USER, filter).wrap("(", ")"));
    }

    @Test
    void aShortSearchIsAnsweredFromACoveringIndex() throws Exception {
        SqlWhere sql = ResourceRows.fewMatchesSql(ResourceType.USER, where("", search("ab")),
                SortSql.order(ResourceType.USER, null, false), 1, 100);
        List<String> plan = plan(sql);
        assertThat(plan).anyMatch(line -> line.contains("USING COVERING INDEX"));
        assertThat(plan).as("the users' rows are read only by rowid, for the matches")
                .allMatch(line -> !line.startsWith("SEARCH r USING INDEX") && !line.startsWith("SCAN r"));
    }

    @Test
    void aNarrowingSearchReadsTheTrigramTableAndOnlyItsCandidatesRows() throws Exception {
        Filter filter = search("user-4213");
        // The trigram table is empty here, so the narrowing is made as it would be with few candidates.
        SqlWhere candidates = TrigramSearch.candidates(
                TrigramSearch.matchExpression(TrigramSearch.trigrams("user-4213")));
        SqlWhere where = where(" NOT INDEXED", filter).join(" AND ", candidates);
        for (SqlWhere sql : List.of(
                ResourceRows.fewMatchesSql(ResourceType.USER, where, SortSql.order(ResourceType.USER, null, false),
                        1, 100),
                ResourceRows.pageSql(where, SortSql.order(ResourceType.USER, AttrPath.of("userName"), false), 1,
                        100))) {
            List<String> plan = plan(sql);
            assertThat(plan).anyMatch(line -> line.contains("SCAN users_text VIRTUAL TABLE"));
            assertThat(plan).as("rows read by rowid only").filteredOn(line -> line.matches("(SEARCH|SCAN) r\\b.*"))
                    .isNotEmpty().allMatch(line -> line.equals("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)"));
        }
    }

    @Test
    void everyColumnSortWalksAnIndexWithOrWithoutASearch() throws Exception {
        for (String sort : COLUMN_SORTS) {
            for (boolean descending : List.of(false, true)) {
                AttrPath by = sort.equals("meta.created") ? null : FilterParser.parseAttrPath(sort);
                for (Filter filter : new Filter[] {null, search("ab")}) {
                    SortOrder order = SortSql.order(ResourceType.USER, by, descending);
                    String what = sort + (descending ? " descending" : "") + (filter == null ? "" : " while searching");
                    for (SqlWhere sql : offsetPage(filter, order, 101, 100)) {
                        assertThat(plan(sql)).as(what).noneMatch(line -> line.contains("TEMP B-TREE"))
                                .anyMatch(line -> line.matches("(SCAN|SEARCH) r USING (COVERING )?INDEX .*"));
                    }
                    if (filter != null && !sort.equals("meta.created")) {
                        // The same walk, selecting nothing but the row's place: the index alone answers it, so the
                        // names are tested from the index and a row is read only when it matches.
                        for (SqlWhere walk : walks(filter, order)) {
                            assertThat(plan(walk)).as("%s: tested from the index", what)
                                    .anyMatch(line -> line.matches("(SCAN|SEARCH) r USING COVERING INDEX .*"))
                                    .noneMatch(line -> line.contains("TEMP B-TREE"));
                        }
                    }
                }
            }
        }
    }

    /**
     * The statements of a page by offset as {@code ResourceRows.query} reads them: one, or one for each run of an
     * order read in runs (a descending display-name sort, V29).
     */
    private static List<SqlWhere> offsetPage(Filter filter, SortOrder order, int startIndex, int count) {
        if (!order.readsInRuns()) {
            return List.of(ResourceRows.pageSql(where("", filter), order, startIndex, count));
        }
        return order.runs().stream().map(run -> ResourceRows.runSql(where("", filter), run, order, false, count,
                startIndex - 1L)).toList();
    }

    /** The page's walks selecting only the rows' places. */
    private static List<SqlWhere> walks(Filter filter, SortOrder order) {
        if (!order.readsInRuns()) {
            return List.of(where("", filter).wrap("SELECT r.rowid", "").join(" ", order.orderBy(false)));
        }
        return order.runs().stream().map(run -> where("", filter).join(" AND ", run)
                .wrap("SELECT r.rowid", "").join(" ", order.orderWithinSegment(false))).toList();
    }

    @Test
    void aDescendingDisplayNameSortReadsItsTwoRunsFromTheOneAscendingIndex() throws Exception {
        SortOrder order = SortSql.order(ResourceType.USER, AttrPath.of("displayName"), true);
        assertThat(order.readsInRuns()).isTrue();
        assertThat(SortSql.order(ResourceType.USER, AttrPath.of("displayName"), false).readsInRuns()).isFalse();
        List<SqlWhere> runs = offsetPage(null, order, 101, 100);
        assertThat(runs).hasSize(2);
        for (SqlWhere run : runs) {
            assertThat(plan(run)).as(run.sql()).noneMatch(line -> line.contains("TEMP B-TREE"))
                    .anyMatch(line -> line.matches("SEARCH r USING INDEX users_by_display_name \\(tenant_id=\\? AND"
                            + " <expr>=\\?.*"));
        }
        List<SqlWhere> walks = SortSql.walks(SqlDialect.SQLITE, ResourceType.USER, AttrPath.of("displayName"), true);
        assertThat(walks).as("the benchmark's view of the same page").hasSize(2);
        for (SqlWhere walk : walks) {
            assertThat(plan(where("", null).wrap("SELECT r.id", " ").join("", walk)))
                    .noneMatch(line -> line.contains("TEMP B-TREE"));
        }
        assertThat(explain("", SqlWhere.of("SELECT name FROM sqlite_master WHERE type = 'index'"
                + " AND tbl_name = 'users' AND name LIKE 'users_by_display_name%'"), "name"))
                .containsExactly("users_by_display_name");
    }

    /** A key of each sort's kind, and none for a key that may be missing. */
    static List<Directory.Position> positions(String sort) {
        if (sort.equals("active")) {
            return List.of(new Directory.Position(true, "m"));
        }
        List<Directory.Position> out = new ArrayList<>(List.of(new Directory.Position("m", "m")));
        if (sort.equals("displayName")) {
            out.add(new Directory.Position(null, "m"));
        }
        return out;
    }

    @Test
    void aKeysetPageSeeksItsPlaceInTheSortsIndexEitherWay() throws Exception {
        for (String sort : COLUMN_SORTS) {
            for (boolean descending : List.of(false, true)) {
                AttrPath by = sort.equals("meta.created") ? null : FilterParser.parseAttrPath(sort);
                SortOrder order = SortSql.order(ResourceType.USER, by, descending);
                for (Directory.Position p : positions(sort)) {
                    for (boolean backward : List.of(false, true)) {
                        for (Filter filter : new Filter[] {null, search("ab")}) {
                            for (SqlWhere segment : order.segments(new Directory.Seek(p, backward))) {
                                List<String> plan = plan(ResourceRows.segmentSql(
                                        where(" INDEXED BY " + order.index(), filter), segment, order,
                                        backward, 101));
                                String what = sort + (descending ? " descending" : "") + (backward ? ", back" : "")
                                        + " from " + p.key() + (filter == null ? "" : " while searching") + ": "
                                        + plan;
                                assertThat(plan).as(what).noneMatch(line -> line.contains("TEMP B-TREE"))
                                        .noneMatch(line -> line.startsWith("SCAN r"))
                                        .anyMatch(line -> line.matches("SEARCH r USING (COVERING )?INDEX \\S+ "
                                                + "\\(tenant_id=\\? AND .*"));
                                if (segment.params().contains("m")) {
                                    // the place itself is part of the seek, not a test of each entry walked
                                    assertThat(plan).as(what).anyMatch(line -> line.startsWith("SEARCH r")
                                            && line.matches(".*(id\\)?[<>]\\(\\?,\\?\\)|.*id[<>]\\?).*"));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The rule for sorts no index holds ({@link SortSql#walksIndex}) agrees with SQLite: every sort the admin API
     * offers either walks an index (no temporary B-tree, either way) or is one the rule limits to short lists.
     */
    @Test
    void theSortsTheRuleLimitsAreExactlyTheOnesSqliteSortsInFull() throws Exception {
        for (String sort : List.of("userName", "displayName", "title", "externalId", "meta.created",
                "meta.lastModified", "active", "emails.value", "name.familyName", "name.givenName",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")) {
            AttrPath by = FilterParser.parseAttrPath(sort);
            for (boolean descending : List.of(false, true)) {
                List<String> plan = new ArrayList<>();
                for (SqlWhere sql : offsetPage(null, SortSql.order(ResourceType.USER, by, descending), 101, 100)) {
                    plan.addAll(plan(sql));
                }
                assertThat(plan.stream().noneMatch(line -> line.contains("TEMP B-TREE")))
                        .as(sort + (descending ? " descending: " : ": ") + plan)
                        .isEqualTo(SortSql.walksIndex(ResourceType.USER, by));
            }
        }
        assertThat(SortSql.walksIndex(ResourceType.USER, null)).as("creation order").isTrue();
    }

    /** Whether more users match than a limit is read from a covering index: no user's row is read to count. */
    @Test
    void theBoundedCountOfAListReadsNoUsersRow() throws Exception {
        for (Filter filter : new Filter[] {null, search("ab")}) {
            List<String> plan = plan(ResourceRows.boundedCountSql(where("", filter), 10_000));
            assertThat(plan).as(String.valueOf(plan)).anyMatch(line -> line.matches("(SCAN|SEARCH) r USING COVERING "
                    + "INDEX .*")).noneMatch(line -> line.matches("(SCAN|SEARCH) r( USING INDEX .*)?"));
        }
    }

    @Test
    void groupsSortedByNameWalkTheirUniqueNameIndex() throws Exception {
        SortOrder order = SortSql.order(ResourceType.GROUP, AttrPath.of("displayName"), false);
        for (boolean backward : List.of(false, true)) {
            SqlWhere segment = order.segments(new Directory.Seek(new Directory.Position("m", "m"), backward)).get(0);
            assertThat(plan(ResourceRows.segmentSql(SqlWhere.of(" FROM groups r INDEXED BY " + order.index()
                    + " WHERE r.tenant_id = ?", "t"), segment, order, backward, 101)))
                    .noneMatch(line -> line.contains("TEMP B-TREE"))
                    .anyMatch(line -> line.matches("SEARCH r USING INDEX groups_by_display_name .*[<>].*"));
        }
        SqlWhere sql = ResourceRows.pageSql(SqlWhere.of(" FROM groups r WHERE r.tenant_id = ?", "t"),
                SortSql.order(ResourceType.GROUP, AttrPath.of("displayName"), false), 1, 100);
        assertThat(plan(sql)).noneMatch(line -> line.contains("TEMP B-TREE"))
                .anyMatch(line -> line.contains("groups_by_display_name"));
    }

    /**
     * A group's members ({@link MemberPages}): a large group walks the users' name index from the page's place and
     * probes each user's membership by its key (nothing sorted, however deep the page); a small group is read from its
     * memberships and its few members sought by id, then sorted (no scan of the users).
     */
    @Test
    void aGroupsMembersAreReadByThePlanForItsSize() throws Exception {
        SortOrder order = SortSql.order(ResourceType.USER, Directory.MEMBERS_ORDER, false);
        SqlWhere walk = MemberPages.from(SqlDialect.SQLITE, order, "t", "g", true);
        SqlWhere sorted = MemberPages.from(SqlDialect.SQLITE, order, "t", "g", false);
        for (boolean backward : List.of(false, true)) {
            SqlWhere segment = order.segments(new Directory.Seek(new Directory.Position("m", "m"), backward)).get(0);
            List<String> plan = plan(ResourceRows.segmentSql(walk, segment, order, backward, 101));
            assertThat(plan).as("walked: " + plan).noneMatch(line -> line.contains("TEMP B-TREE"))
                    .noneMatch(line -> line.startsWith("SCAN"))
                    .anyMatch(line -> line.matches("SEARCH r USING (COVERING )?INDEX users_name_search "
                            + "\\(tenant_id=\\? AND .*[<>].*"))
                    .anyMatch(line -> line.matches("SEARCH gm (EXISTS )?USING COVERING INDEX \\S+ \\(group_id=\\? AND "
                            + "member_id=\\?\\)"));
            plan = plan(ResourceRows.segmentSql(sorted, segment, order, backward, 101));
            assertThat(plan).as("sorted: " + plan).noneMatch(line -> line.startsWith("SCAN"))
                    .anyMatch(line -> line.matches("SEARCH gm USING COVERING INDEX \\S+ \\(group_id=\\?\\)"))
                    .anyMatch(line -> line.matches("SEARCH r USING INDEX \\S+ \\(id=\\?\\)"));
        }
        assertThat(plan(ResourceRows.pageSql(walk, order, 1, 100))).noneMatch(line -> line.contains("TEMP B-TREE"))
                .noneMatch(line -> line.startsWith("SCAN"));
    }

    @Test
    void aMemberPatchFindsItsMembersByTheirKeyNotByWalkingTheTenant() throws Exception {
        List<Object> ids = List.of("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10");

        assertThat(plan(new SqlWhere(Memberships.usersByIdSql(ids.size()), ids)))
                .allMatch(line -> line.matches("SEARCH users USING (COVERING )?INDEX sqlite_autoindex_users_1 \\(id=\\?\\)"));
    }

    private List<String> plan(SqlWhere sql) throws Exception {
        return explain("EXPLAIN QUERY PLAN ", sql, "detail");
    }

    private List<String> explain(String prefix, SqlWhere sql, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(prefix + sql.sql())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(column));
                }
            }
        }
        return out;
    }
}
