package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.testing.TestPostgres;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Places to answer requests, their bounded queue, and graceful shutdown, on a service with 2 places and room for 2
 * waiting requests. The places are held the way a real overload holds them: requests that have arrived and wait for
 * the database, here because the test holds the users table locked (PostgreSQL's {@code LOCK TABLE}).
 */
@Timeout(60)
class BoundedQueueTest extends ScimServiceTestBase {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofMillis(300);

    private PostgresDirectory.Settings database;

    @Override
    SqlDirectory openDirectory() {
        database = TestPostgres.freshDatabase();
        return PostgresDirectory.open(database);
    }

    @Override
    ServiceConfig serviceConfig() {
        return new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 2)
                .withLimits(ServiceLimits.defaults().withRate(1_000_000, 1_000_000).withQueueCapacity(2));
    }

    /** Every request that reads or writes users waits until the returned connection is closed. */
    private Connection lockUsers() throws SQLException {
        Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
        }
        return c;
    }

    private int port() {
        return URI.create(tenantUrl).getPort();
    }

    private String path(String rest) {
        return URI.create(tenantUrl).getPath() + rest;
    }

    private RawConnection get(String rest) throws Exception {
        return new RawConnection(port()).write(getRequest(path(rest)));
    }

    private String getRequest(String fullPath) {
        return "GET " + fullPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    }

    private RawConnection create(String userName) throws Exception {
        String body = HttpJson.USER_JSON + "\"userName\":\"" + userName + "\"}";
        return new RawConnection(port()).write("POST " + path("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Type: application/scim+json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
    }

    @Test
    void whenTheQueueIsFullARequestIsRefusedAtOnceWith503AndTheOthersStillComplete() throws Exception {
        List<RawConnection> waiting = new ArrayList<>();
        try (Connection lock = lockUsers()) {
            for (int i = 0; i < 4; i++) { // two take the places, two wait in the queue
                waiting.add(get("/Users?count=0"));
                Thread.sleep(SETTLE.toMillis());
            }
            long sent = System.nanoTime();
            try (RawConnection overflow = get("/Users?count=0")) {
                RawConnection.Response refused = overflow.read(PATIENCE);
                assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(refused.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error").contains("\"503\"")
                        .contains("busy");
            }
            lock.rollback();
        }
        for (RawConnection w : waiting) {
            assertThat(w.read(PATIENCE).status()).isEqualTo(200);
            w.close();
        }
    }

    @Test
    void shutdownFinishesTheRequestUnderWayAndTellsNewOnesToRetry() throws Exception {
        RawConnection inFlight;
        try (RawConnection keptAlive = get("/ServiceProviderConfig")) {
            assertThat(keptAlive.read(PATIENCE).status()).isEqualTo(200);
            Thread closer;
            try (Connection lock = lockUsers()) {
                inFlight = create("drain@testuser.com");
                Thread.sleep(SETTLE.toMillis());
                closer = new Thread(() -> runtime.server().close(), "closer");
                closer.start();
                Thread.sleep(SETTLE.toMillis());
                assertThat(closer.isAlive()).as("close waits for the request under way").isTrue();
                // a new request on an open connection is told to come back; new connections are no longer accepted
                RawConnection.Response refused = keptAlive.write(getRequest(path("/Users"))).read(PATIENCE);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(refused.body()).contains("restarting");
                lock.rollback();
            }
            assertThat(inFlight.read(PATIENCE).status()).isEqualTo(201);
            inFlight.close();
            closer.join(PATIENCE.toMillis());
            assertThat(closer.isAlive()).isFalse();
        }
        assertThat(directory.query(tenantId, ResourceType.USER,
                new Directory.Query(null, null, false, 1, 10, false)).totalResults()).isEqualTo(1);
    }
}
