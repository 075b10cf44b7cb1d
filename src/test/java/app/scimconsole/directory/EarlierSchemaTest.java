package app.scimconsole.directory;

import app.scimconsole.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setting of a migration's test: a database migrated only to an earlier version ({@link #migratedTo}), filled
 * through plain SQL as that version's code wrote it, then opened by the directory ({@link #open}), which migrates the
 * rest. On SQLite; a subclass that says {@link #onPostgres} runs the same test on a fresh PostgreSQL database.
 */
abstract class EarlierSchemaTest {
    @TempDir
    Path dir;
    private PostgresDirectory.Settings database;

    /** Whether the test runs on PostgreSQL rather than SQLite. */
    boolean onPostgres() {
        return false;
    }

    /** An empty database migrated up to {@code version} and no further; returns its JDBC address. */
    String migratedTo(String version) {
        String url;
        String user = null;
        if (onPostgres()) {
            database = TestPostgres.freshDatabase();
            url = database.url();
            user = database.user();
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        } else {
            url = "jdbc:sqlite:" + dir.resolve(SqliteDirectory.FILE_NAME);
        }
        Flyway.configure().dataSource(url, user, null)
                .locations(Migrations.locations(onPostgres() ? SqlDialect.POSTGRES : SqlDialect.SQLITE))
                .target(version).load().migrate();
        return url;
    }

    Connection connect(String url) throws SQLException {
        return onPostgres() ? DriverManager.getConnection(url, database.user(), null) : DriverManager.getConnection(url);
    }

    /** The directory on the database {@link #migratedTo} made, every later migration applied. */
    SqlDirectory open() {
        return onPostgres() ? PostgresDirectory.open(database) : SqliteDirectory.open(dir);
    }
}
