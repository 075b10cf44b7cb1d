package app.scimconsole.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement cache on a real SQLite file: reuse, nesting, leftovers of the previous use, and its bound. */
class StatementCacheTest {
    private static final String BY_ID = "SELECT name FROM t WHERE id = ?";

    @TempDir
    Path dir;

    private Connection c;
    private StatementCache cache;

    @BeforeEach
    void open() throws SQLException {
        c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db")));
        cache = c.unwrap(StatementCache.class);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            for (int i = 1; i <= 5; i++) {
                s.execute("INSERT INTO t VALUES (" + i + ", 'n" + i + "')");
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void theSameSqlIsCompiledOnceAndAnswersWithEachUsesOwnParameters() throws SQLException {
        for (int id = 1; id <= 5; id++) {
            assertThat(nameOf(id)).isEqualTo("n" + id);
        }
        assertThat(cache.compiled()).isEqualTo(1);
    }

    @Test
    void aStatementInUseIsNotHandedOutAgain() throws SQLException {
        try (PreparedStatement outer = c.prepareStatement("SELECT id FROM t ORDER BY id")) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = outer.executeQuery()) {
                while (rs.next()) {
                    // the same SQL while the outer result is still being read
                    try (PreparedStatement inner = c.prepareStatement("SELECT id FROM t ORDER BY id")) {
                        assertThat(inner).isNotSameAs(outer);
                    }
                    names.add(nameOf(rs.getInt(1)));
                }
            }
            assertThat(names).containsExactly("n1", "n2", "n3", "n4", "n5");
        }
        assertThat(cache.compiled()).isEqualTo(3); // outer, inner (kept and reused), BY_ID
    }

    @Test
    void aResultLeftOpenAndParametersLeftBoundDoNotReachTheNextUse() throws SQLException {
        PreparedStatement first = c.prepareStatement("SELECT name FROM t WHERE id >= ? ORDER BY id");
        first.setInt(1, 2);
        ResultSet unread = first.executeQuery();
        assertThat(unread.next()).isTrue();
        first.close(); // the caller forgot the result set
        assertThat(unread.isClosed()).isTrue();

        try (PreparedStatement again = c.prepareStatement("SELECT name FROM t WHERE id >= ? ORDER BY id")) {
            again.setInt(1, 4);
            try (ResultSet rs = again.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("n4");
            }
        }
        assertThat(cache.compiled()).isEqualTo(1);
        assertThatThrownBy(() -> first.executeQuery()).isInstanceOf(SQLException.class);
    }

    @Test
    void aParameterTheNextUseLeavesUnsetIsNullAsInAFreshStatement() throws SQLException {
        try (PreparedStatement first = c.prepareStatement("SELECT ? IS NULL, ? IS NULL")) {
            first.setInt(1, 5);
            first.setString(2, "kept?");
            try (ResultSet rs = first.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getBoolean(2)).isFalse();
            }
        }
        try (PreparedStatement again = c.prepareStatement("SELECT ? IS NULL, ? IS NULL")) {
            again.setInt(1, 6);
            try (ResultSet rs = again.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getBoolean(2)).as("the first use's value does not reach this one").isTrue();
            }
        }
        assertThat(cache.compiled()).isEqualTo(1);
    }

    @Test
    void theCacheKeepsABoundedNumberOfStatementsDroppingTheLeastRecentlyUsed() throws SQLException {
        assertThat(nameOf(1)).isEqualTo("n1");
        for (int i = 0; i < StatementCache.CAPACITY + 10; i++) {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + i)) {
                ps.executeQuery().close();
            }
        }
        long compiled = cache.compiled();
        assertThat(nameOf(2)).isEqualTo("n2");
        assertThat(cache.compiled()).isEqualTo(compiled + 1); // BY_ID was the oldest: dropped and compiled again
        try (PreparedStatement ps = c.prepareStatement("SELECT " + (StatementCache.CAPACITY + 9))) {
            ps.executeQuery().close();
        }
        assertThat(cache.compiled()).isEqualTo(compiled + 1); // a recent one is still kept
    }

    @Test
    void writesThroughCachedStatementsAreVisibleAndRepeatable() throws SQLException {
        for (int i = 6; i <= 8; i++) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, name) VALUES (?, ?)")) {
                ps.setInt(1, i);
                ps.setString(2, "n" + i);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(nameOf(8)).isEqualTo("n8");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, name) VALUES (?, ?)")) {
            ps.setInt(1, 8);
            ps.setString(2, "again");
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class);
        }
        assertThat(nameOf(8)).isEqualTo("n8");
    }

    private String nameOf(int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BY_ID)) {
            ps.setInt(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
