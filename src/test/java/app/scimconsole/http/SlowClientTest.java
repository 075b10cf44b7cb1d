package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow clients: connections that stall half-way through a request hold neither a thread nor a place, so 500 of
 * them, of every kind, do not slow down anyone else; each is closed once the idle timeout (here shortened to 3 s)
 * passes, and a body that trickles in below the minimum data rate is cut off while it still trickles.
 */
@Timeout(120)
class SlowClientTest extends ScimServiceTestBase {
    private static final int STALLED = 500;
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration FAST = Duration.ofSeconds(1);

    @Override
    ServiceConfig serviceConfig() {
        return super.serviceConfig().withLimits(ServiceLimits.defaults().withRate(1_000_000, 1_000_000)
                .withSlowClientLimits(IDLE, ServiceLimits.DEFAULT_MIN_BODY_BYTES_PER_SECOND));
    }

    private int port() {
        return URI.create(tenantUrl).getPort();
    }

    private String path(String rest) {
        return URI.create(tenantUrl).getPath() + rest;
    }

    /** Headers that promise a 100-byte create, then 10 bytes of it; {@code bearer} null sends no credentials. */
    private RawConnection halfABody(String bearer) throws Exception {
        return new RawConnection(port()).write("POST " + path("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n")
                + "Content-Type: application/scim+json\r\nContent-Length: 100\r\n\r\n{\"userName");
    }

    @Test
    void fiveHundredStalledConnectionsDoNotSlowOthersAndAreClosedAfterTheIdleTimeout() throws Exception {
        HttpJson health = new HttpJson(URI.create(tenantUrl).resolve("/healthz").toString(), null);
        assertThat(scim.get("/Users?count=1").status()).isEqualTo(200);
        assertThat(health.get("").status()).isEqualTo(200);
        List<RawConnection> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                stalled.add(switch (i % 5) {
                    case 0 -> new RawConnection(port()).write("GET " + path("/Us")); // half a request line
                    case 1 -> halfABody(token);
                    case 2 -> halfABody(null);
                    case 3 -> halfABody("not-the-token");
                    default -> new RawConnection(port()); // connects and never says a word
                });
            }

            long start = System.nanoTime();
            assertThat(scim.get("/Users?count=1").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            start = System.nanoTime();
            assertThat(health.get("").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);
            start = System.nanoTime();
            assertThat(scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"meanwhile@testuser.com\"}").status()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(FAST);

            for (RawConnection c : stalled) {
                assertThat(c.closedByService(IDLE.multipliedBy(4))).as("stalled connection closed").isTrue();
            }
        } finally {
            for (RawConnection c : stalled) {
                c.close();
            }
        }
        assertThat(scim.get("/Users?count=1").status()).isEqualTo(200);
    }

    @Test
    void aBodyTricklingInBelowTheMinimumRateIsAnswered408WhileItStillTrickles() throws Exception {
        try (RawConnection trickle = halfABody(token)) {
            for (int i = 0; i < 50; i++) { // 50 bytes at 10 a second: each resets the idle timeout
                Thread.sleep(100);
                if (trickle.hasAnswer()) {
                    break;
                }
                try {
                    trickle.write("x");
                } catch (IOException closed) {
                    break;
                }
            }
            RawConnection.Response cutOff = trickle.read(FAST);
            assertThat(cutOff.status()).isEqualTo(408);
            assertThat(cutOff.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error").contains("\"408\"");
            assertThat(trickle.closedByService(FAST)).isTrue();
        }
    }
}
