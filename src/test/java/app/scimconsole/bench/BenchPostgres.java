package app.scimconsole.bench;

import app.scimconsole.directory.PostgresDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local PostgreSQL server for the benchmark, at the durability a production server keeps (unlike the test
 * suite's, which turns fsync off): the figures then compare honestly with SQLite at synchronous=FULL.
 */
final class BenchPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();
    private volatile String lastDatabase;

    private BenchPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    static BenchPostgres start() throws Exception {
        return start(Map.of());
    }

    /** With {@code settings} added to the server's (a profile's, e.g. a preloaded library), durability unchanged. */
    static BenchPostgres start(Map<String, String> settings) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setLocaleConfig("lc-collate", "C")
                .setLocaleConfig("lc-ctype", "C.UTF-8")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200");
        settings.forEach(builder::setServerConfig);
        return new BenchPostgres(builder.start());
    }

    /** A new empty database, migrated by the directory itself as in production. */
    PostgresDirectory freshDirectory() throws Exception {
        return PostgresDirectory.open(freshDatabase());
    }

    /** A new empty database, not yet migrated: where to reach it. */
    PostgresDirectory.Settings freshDatabase() throws Exception {
        String name = "bench_" + databases.incrementAndGet();
        lastDatabase = name;
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new PostgresDirectory.Settings(server.getJdbcUrl("postgres", name), "postgres", null, 16);
    }

    /** The size on disk of the database {@link #freshDirectory} made last (tables, indexes, TOAST). */
    long lastDatabaseBytes() throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT pg_database_size(?)")) {
            ps.setString(1, lastDatabase);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
