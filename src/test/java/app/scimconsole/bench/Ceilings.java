package app.scimconsole.bench;

import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceLimits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.sqlite.SQLiteConfig;

/** The two ceilings of this machine that the service's figures are compared with, measured in the same run. */
final class Ceilings {
    private static final byte[] BODY = ("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"id\":\"00000000-0000-0000-0000-000000000000\",\"userName\":\"ceiling@example.com\"}").getBytes(StandardCharsets.UTF_8);

    private Ceilings() {
    }

    /**
     * A bare Jetty server whose handler reads the body and answers a fixed 201, on the connector settings of the
     * service's listener (threads, request head size, idle timeout), without the service's own handlers.
     */
    static LoadDriver.Stats http(LoadDriver driver, int concurrency, int count, String body) throws Exception {
        try (BareServer server = BareServer.start()) {
            return driver.run("ceiling http", concurrency, count, i -> new LoadDriver.Call("POST", server.url(), body, null), 201);
        }
    }

    /** The bare server, running: also what shows that a driver is not the limit of what it measures (PeerComparison). */
    record BareServer(Server server, String url) implements AutoCloseable {
        static BareServer start() throws Exception {
            QueuedThreadPool threads = new QueuedThreadPool(ServiceConfig.DEFAULT_THREADS + 8, 4);
            threads.setDaemon(true);
            Server server = new Server(threads);
            HttpConfiguration config = new HttpConfiguration();
            config.setRequestHeaderSize(16 * 1024);
            config.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            connector.setAcceptQueueSize(128);
            connector.setIdleTimeout(ServiceLimits.DEFAULT_IDLE_TIMEOUT.toMillis());
            server.addConnector(connector);
            server.setHandler(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    Content.Source.consumeAll(request, Callback.from(() -> {
                        response.setStatus(201);
                        response.getHeaders().put("Content-Type", "application/scim+json");
                        response.write(true, ByteBuffer.wrap(BODY), callback);
                    }, callback::failed));
                    return true;
                }
            });
            server.start();
            return new BareServer(server, "http://127.0.0.1:" + connector.getLocalPort() + "/Users");
        }

        @Override
        public void close() throws Exception {
            server.stop();
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
