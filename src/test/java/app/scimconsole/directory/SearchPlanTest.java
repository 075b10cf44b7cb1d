package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.scim.AttrPath;
import app.scimconsole.scim.Filter;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.ResourceType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's search as you type, when it narrows to a few users, is answered on SQLite from the covering search
 * index (users_name_search) and reads no user's row to test the text: what SQLite plans for the statement.
 */
class SearchPlanTest {
    @TempDir
    Path dir;

    @Test
    void aNarrowSearchIsAnsweredFromTheCoveringSearchIndex() throws Exception {
        SqliteDirectory.open(dir).close(); // migrated
        Literal text = new Literal.Str("user-4213");
        Filter search = new Filter.Or(new Filter.Compare(AttrPath.of("userName"), CompareOp.CO, text),
                new Filter.Compare(AttrPath.of("displayName"), CompareOp.CO, text));
        SqlWhere where = SqlWhere.of(" FROM users r WHERE r.tenant_id = ?", "t")
                .join(" AND ", FilterSql.where(ResourceType.USER, search).wrap("(", ")"));
        SqlWhere sql = ResourceRows.fewMatchesSql(ResourceType.USER, where,
                SortSql.orderBy(ResourceType.USER, null, false), 1, 100);
        List<String> plan = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME));
                PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql.sql())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
        }
        assertThat(plan).anyMatch(line -> line.contains("COVERING INDEX users_name_search"));
        assertThat(plan).as("the users' rows are read only by rowid, for the matches")
                .allMatch(line -> !line.startsWith("SEARCH r USING INDEX") && !line.startsWith("SCAN r"));
    }
}
