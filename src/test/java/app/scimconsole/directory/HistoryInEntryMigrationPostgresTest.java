package app.scimconsole.directory;

import app.scimconsole.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** {@link HistoryInEntryMigrationTest} on PostgreSQL: a database emptied, migrated to V29, then opened. */
class HistoryInEntryMigrationPostgresTest extends HistoryInEntryMigrationTest {
    private PostgresDirectory.Settings database;

    @Override
    String urlBeforeV30() {
        database = TestPostgres.freshDatabase();
        try (Connection c = connect(database.url()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Flyway.configure().dataSource(database.url(), database.user(), null)
                .locations(Migrations.locations(SqlDialect.POSTGRES)).target("29").load().migrate();
        return database.url();
    }

    @Override
    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, database.user(), null);
    }

    @Override
    SqlDirectory open() {
        return PostgresDirectory.open(database);
    }
}
