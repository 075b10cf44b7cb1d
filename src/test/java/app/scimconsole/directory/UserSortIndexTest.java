package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The users' list sorted by name or user name (the console's first click on those columns) is read in an index's
 * order, not sorted whole for each page: what SQLite (and PostgreSQL, in {@link UserSortIndexPostgresTest}) plans for
 * the ORDER BY that {@link SortSql} writes.
 */
class UserSortIndexTest {
    @TempDir
    Path dir;

    boolean onPostgres() {
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"userName", "displayName"})
    void anAscendingPageIsReadFromAnIndexWithoutSorting(String attribute) throws Exception {
        SqlDialect dialect = onPostgres() ? SqlDialect.POSTGRES : SqlDialect.SQLITE;
        String page = "SELECT r.id, r.doc FROM users r WHERE r.tenant_id = 't' "
                + SortSql.orderBy(dialect, ResourceType.USER, AttrPath.of(attribute), false).sql() + " LIMIT 100";
        List<String> plan = new ArrayList<>();
        if (onPostgres()) {
            PostgresDirectory.Settings settings = TestPostgres.freshDatabase();
            PostgresDirectory.open(settings).close(); // migrated
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                    Statement s = c.createStatement()) {
                // An empty table is cheaper to scan and sort; forbidding both asks whether an index can serve at all.
                s.execute("SET enable_seqscan = off");
                s.execute("SET enable_sort = off");
                try (ResultSet rs = s.executeQuery("EXPLAIN " + page)) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
            }
            assertThat(plan).noneMatch(line -> line.strip().startsWith("Sort") || line.contains("-> Sort"));
        } else {
            SqliteDirectory.open(dir).close(); // migrated
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME));
                    Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN " + page)) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
            assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
        }
        String index = attribute.equals("userName") ? "users_by_user_name_sort" : "users_by_display_name_sort";
        assertThat(plan).anyMatch(line -> line.contains(index));
    }
}
