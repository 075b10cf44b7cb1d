package app.scimconsole.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sqlite.SQLiteConfig;

/** The two ceilings of this machine that the service's figures are compared with, measured in the same run. */
final class Ceilings {
    private static final byte[] BODY = ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"id\":\"00000000-0000-0000-0000-000000000000\",\"userName\":\"ceiling@example.com\"}").getBytes(StandardCharsets.UTF_8);

    private Ceilings() {
    }

    /** A bare JDK HttpServer whose handler reads the body and returns a fixed 201, with the service's settings. */
    static LoadDriver.Stats http(LoadDriver driver, int concurrency, int count, String body) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        ExecutorService workers = Executors.newFixedThreadPool(16);
        server.setExecutor(workers);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/scim+json");
            exchange.sendResponseHeaders(201, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/Users";
            return driver.run("ceiling http", concurrency, count, i -> new LoadDriver.Call("POST", url, body, null), 201);
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    /** Single-row transactions into SQLite at the durability the service uses (WAL, synchronous=FULL). */
    static double sqliteInsertsPerSecond(Path dir, int count) throws Exception {
        Path file = dir.resolve("ceiling.db");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id TEXT PRIMARY KEY, doc TEXT)");
            }
            c.setAutoCommit(true);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    ps.setString(1, "id-" + i);
                    ps.setString(2, "{\"userName\":\"u" + i + "@example.com\"}");
                    ps.executeUpdate();
                }
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir.resolve("ceiling.db-wal"));
            Files.deleteIfExists(dir.resolve("ceiling.db-shm"));
        }
    }
}
