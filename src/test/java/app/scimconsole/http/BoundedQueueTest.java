package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.scim.ResourceType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Worker threads, their bounded queue, and graceful shutdown, on a service with 2 workers and room for 2
 * waiting requests. Workers are held busy by clients that stop half-way through a request body.
 */
@Timeout(60)
class BoundedQueueTest extends ScimServiceTestBase {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration SETTLE = Duration.ofMillis(300);

    @Override
    ServiceConfig serviceConfig() {
        return new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 2)
                .withLimits(ServiceLimits.defaults().withRate(1_000_000, 1_000_000).withQueueCapacity(2));
    }

    private int port() {
        return URI.create(tenantUrl).getPort();
    }

    private String path(String rest) {
        return URI.create(tenantUrl).getPath() + rest;
    }

    /** A create whose body is only half sent: the worker answering it waits for the rest. */
    private final class HalfSentCreate implements AutoCloseable {
        private final RawConnection connection;
        private final byte[] body;

        HalfSentCreate(String userName) throws Exception {
            body = (HttpJson.USER_JSON + "\"userName\":\"" + userName + "\"}").getBytes(StandardCharsets.UTF_8);
            connection = new RawConnection(port()).write("POST " + path("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/scim+json\r\nContent-Length: "
                    + body.length + "\r\n\r\n");
            connection.write(Arrays.copyOf(body, body.length / 2));
        }

        RawConnection.Response finish() throws Exception {
            connection.write(Arrays.copyOfRange(body, body.length / 2, body.length));
            return connection.read(PATIENCE);
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    private RawConnection get(String rest) throws Exception {
        return new RawConnection(port()).write("GET " + path(rest) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + token + "\r\n\r\n");
    }

    @Test
    void whenTheQueueIsFullARequestIsRefusedAtOnceWith503AndTheOthersStillComplete() throws Exception {
        try (HalfSentCreate a = new HalfSentCreate("qa@testuser.com"); HalfSentCreate b = new HalfSentCreate("qb@testuser.com")) {
            Thread.sleep(SETTLE.toMillis());
            List<RawConnection> queued = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                queued.add(get("/Users?count=0"));
                Thread.sleep(SETTLE.toMillis());
            }
            long sent = System.nanoTime();
            try (RawConnection overflow = get("/Users?count=0")) {
                RawConnection.Response refused = overflow.read(PATIENCE);
                assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(refused.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error").contains("\"503\"");
            }
            assertThat(a.finish().status()).isEqualTo(201);
            assertThat(b.finish().status()).isEqualTo(201);
            for (RawConnection q : queued) {
                assertThat(q.read(PATIENCE).status()).isEqualTo(200);
                q.close();
            }
        }
    }

    @Test
    void shutdownFinishesTheRequestUnderWayAndTellsNewOnesToRetry() throws Exception {
        try (HalfSentCreate inFlight = new HalfSentCreate("drain@testuser.com")) {
            Thread.sleep(SETTLE.toMillis());
            Thread closer = new Thread(() -> runtime.server().close(), "closer");
            closer.start();
            Thread.sleep(SETTLE.toMillis());
            assertThat(closer.isAlive()).as("close waits for the request under way").isTrue();
            try (RawConnection late = get("/Users")) {
                RawConnection.Response refused = late.read(PATIENCE);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotNull();
            }
            RawConnection.Response done = inFlight.finish();
            assertThat(done.status()).isEqualTo(201);
            closer.join(PATIENCE.toMillis());
            assertThat(closer.isAlive()).isFalse();
        }
        assertThat(directory.query(tenantId, ResourceType.USER,
                new Directory.Query(null, null, false, 1, 10, false)).totalResults()).isEqualTo(1);
    }
}
