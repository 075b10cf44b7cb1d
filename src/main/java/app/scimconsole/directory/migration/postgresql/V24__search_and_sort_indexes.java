package app.scimconsole.directory.migration.postgresql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 21, a million users, on PostgreSQL (SQLite's V24 is FTS5). The console's "contains" search is
 * {@code user_name_lc LIKE '%…%'}, which a pg_trgm GIN index answers for three characters or more (the planner
 * chooses it by itself). pg_trgm is an extension: trusted since PostgreSQL 13 (a database owner may create it), shipped
 * with the server's contrib package, but a hosted database may lack it. Without it the migration still succeeds and
 * the search scans as before (slower at a large directory, the same results); creating the extension later and
 * running {@link #TRIGRAM_INDEXES} by hand adds the indexes.
 *
 * <p>The sort indexes: one per sort the console offers on a column, in the order {@code SortSql} writes.
 */
public class V24__search_and_sort_indexes extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V24__search_and_sort_indexes.class);

    /**
     * The statements that add the trigram indexes, once pg_trgm exists; without GIN's pending list (V31 says why), as
     * V31 sets the indexes this migration made before.
     */
    public static final String[] TRIGRAM_INDEXES = {
        "CREATE INDEX users_user_name_trigrams ON users USING gin (user_name_lc gin_trgm_ops) WITH (fastupdate = off)",
        "CREATE INDEX users_display_name_trigrams ON users USING gin (display_name_lc gin_trgm_ops)"
                + " WITH (fastupdate = off)",
    };

    private static final String[] SORT_INDEXES = {
        "DROP INDEX users_name_search",
        "CREATE INDEX users_name_search ON users (tenant_id, user_name_lc, id, display_name_lc)",
        "CREATE INDEX users_by_display_name ON users (tenant_id, (display_name_lc IS NULL), display_name_lc, id)",
        "CREATE INDEX users_by_display_name_desc"
                + " ON users (tenant_id, (display_name_lc IS NULL), display_name_lc DESC, id DESC)",
        "CREATE INDEX users_by_last_modified ON users (tenant_id, last_modified, id)",
        "CREATE INDEX users_by_active ON users (tenant_id, active, id)",
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            for (String sql : SORT_INDEXES) {
                s.execute(sql);
            }
        }
        if (trigramExtension(c)) {
            try (Statement s = c.createStatement()) {
                for (String sql : TRIGRAM_INDEXES) {
                    s.execute(sql);
                }
            }
        }
    }

    /** Whether pg_trgm is there, creating it if this role may; a refusal is undone, and the migration goes on. */
    private static boolean trigramExtension(Connection c) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            c.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            c.rollback(before);
            LOG.warn("The PostgreSQL extension pg_trgm is not available ({}): the console's user search scans the"
                    + " users' names instead of using a trigram index; it gives the same results, more slowly in a"
                    + " large directory", e.getMessage());
            return false;
        }
    }
}
