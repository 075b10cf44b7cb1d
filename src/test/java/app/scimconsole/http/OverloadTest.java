package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.service.SecretTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bounded load on loopback: one tenant's runaway client is stopped with 429s while another tenant, paced like
 * Entra, gets every request through. The limit is scaled down (50 a second) so the test runs in seconds.
 */
@Timeout(60)
class OverloadTest extends ScimServiceTestBase {
    private static final int RATE = 50;
    /** Two seconds of Entra's pace. */
    private static final int PACED_REQUESTS = 50;

    private Directory.Tenant secondTenant;
    private String secondToken;

    @BeforeEach
    void secondTenant() {
        secondTenant = directory.createTenant();
        directory.setScimEnabled(secondTenant.id(), true);
        secondToken = SecretTokens.generate();
        directory.addToken(secondTenant.id(), SecretTokens.hash(secondToken), Instant.now());
    }

    @Override
    ServiceConfig serviceConfig() {
        return new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 8)
                .withLimits(ServiceLimits.defaults().withRate(RATE, RATE));
    }

    @Test
    void runawayTenantGets429sWhileAnEntraPacedTenantKeepsGetting2xx() throws Exception {
        HttpJson runaway = new HttpJson(runtime.server().tenantUrl(secondTenant.id()), secondToken);
        AtomicBoolean pacedDone = new AtomicBoolean();
        AtomicInteger runawayOk = new AtomicInteger();
        ConcurrentLinkedQueue<HttpJson.Response> limited = new ConcurrentLinkedQueue<>();
        List<Thread> flood = new ArrayList<>();
        long floodStart = System.nanoTime();
        long giveUp = floodStart + Duration.ofSeconds(30).toNanos();
        // Counted, not timed: the flood lasts until the paced client is through and the runaway has been refused,
        // however slowly a busy machine answers.
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                while ((!pacedDone.get() || limited.isEmpty()) && System.nanoTime() < giveUp) {
                    HttpJson.Response r = runaway.get("/Users?count=1");
                    if (r.status() == 200) {
                        runawayOk.incrementAndGet();
                    } else {
                        limited.add(r);
                    }
                }
            });
            t.start();
            flood.add(t);
        }

        List<Integer> paced = new ArrayList<>();
        for (int n = 0; n < PACED_REQUESTS; n++) {
            long next = System.nanoTime() + Duration.ofMillis(40).toNanos(); // 25 requests a second
            paced.add(n % 5 == 0
                    ? scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"paced" + n + "@testuser.com\"}").status()
                    : scim.get("/Users?filter=userName+eq+%22paced" + (n - 1) + "%40testuser.com%22").status());
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        pacedDone.set(true);
        for (Thread t : flood) {
            t.join(20_000);
        }
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;

        assertThat(paced).hasSize(PACED_REQUESTS).allSatisfy(status -> assertThat(status).isBetween(200, 299));
        assertThat(limited).isNotEmpty();
        for (HttpJson.Response r : limited) {
            assertThat(r.status()).isEqualTo(429);
            assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
            JsonNode body = r.json();
            assertThat(body.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(body.path("status").asText()).isEqualTo("429");
            assertThat(body.path("detail").asText()).contains("try again");
        }
        // A 429 comes only once the burst is spent; beyond it, the rate over the flood's time and a second of slack.
        assertThat(runawayOk.get()).isGreaterThanOrEqualTo(RATE)
                .isLessThanOrEqualTo(RATE + (int) Math.ceil(RATE * (floodSeconds + 1)));
    }

    @Test
    void aClientWithoutTheTokenCannotUseUpTheTenantsBudget() throws InterruptedException {
        HttpJson stranger = new HttpJson(tenantUrl, "not-the-token");
        for (int i = 0; i < RATE * 2; i++) {
            assertThat(stranger.get("/Users").status()).isEqualTo(401);
        }
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        // and its failures are logged up to a budget, not once per request (after their answers: give them a moment)
        Thread.sleep(1000);
        long logged = directory.activity(tenantId, 1000).stream().filter(a -> "activity.wrongToken".equals(a.code())).count();
        assertThat(logged).isBetween(1L, 25L);
    }
}
