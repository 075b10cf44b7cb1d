package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The request bodies held in memory at once stay within a budget (here 64 KiB instead of the process's 64 MiB):
 * a body that finds it spent gets 503 with {@code Retry-After} and a SCIM error, then its connection closes; the
 * bytes of a body go back however its request ends (answered, the client gone, the idle timeout), so the service
 * takes bodies again.
 */
@Timeout(120)
class BodyBudgetTest extends ScimServiceTestBase {
    private static final int BUDGET = 64 * 1024;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final BodyBudget budget = BodyBudget.of(BUDGET);

    @Override
    ServiceConfig serviceConfig() {
        ServiceConfig config = super.serviceConfig();
        return config.withLimits(config.limits().withBodyBudget(budget));
    }

    private static String userOf(String name, int size) {
        return HttpJson.USER_JSON + "\"userName\":\"" + name + "@testuser.com\",\"title\":\"" + "x".repeat(size) + "\"}";
    }

    /** Headers promising {@code length} bytes of a create's body, then {@code sent} of them. */
    private RawConnection stalledCreate(int port, int length, int sent) throws Exception {
        RawConnection c = new RawConnection(port);
        c.write("POST " + URI.create(tenantUrl).getPath() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + token + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + length + "\r\n\r\n");
        c.write("x".repeat(sent));
        return c;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 10 s: " + what);
    }

    @Test
    void aBodyBeyondTheBudgetIs503UntilTheStalledBodiesAreGone() throws Exception {
        int port = URI.create(tenantUrl).getPort();
        RawConnection closing = stalledCreate(port, 40_000, 30_000);
        RawConnection crashing = stalledCreate(port, 40_000, 30_000);
        await(() -> budget.available() <= BUDGET - 60_000, "the two stalled bodies hold 60,000 bytes");

        byte[] body = userOf("refused", 10_000).getBytes(StandardCharsets.UTF_8);
        try (RawConnection c = new RawConnection(port)) {
            RawConnection.Response r = c.write("POST " + URI.create(tenantUrl).getPath() + "/Users HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/scim+json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").write(body).read(PATIENCE);
            assertThat(r.status()).isEqualTo(503);
            assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
            assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
            JsonNode error = new ObjectMapper().readTree(r.body());
            assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(error.path("status").asText()).isEqualTo("503");
            assertThat(c.closedByService(PATIENCE)).isTrue();
        }
        assertThat(budget.available()).isLessThanOrEqualTo(BUDGET - 60_000); // the refused body gave its bytes back

        closing.close();
        crashing.abort();
        await(() -> budget.available() == BUDGET, "the stalled bodies' bytes are back");
        HttpJson.Response created = scim.post("/Users", userOf("accepted", 10_000));
        assertThat(created.status()).isEqualTo(201);
        await(() -> budget.available() == BUDGET, "the answered body's bytes are back");
        assertThat(scim.get("/Users?filter=userName+eq+%22refused@testuser.com%22").json().path("totalResults")
                .asInt()).isZero();
    }

    @Test
    void aBodyClosedByTheIdleTimeoutGivesItsBytesBack() throws Exception {
        BodyBudget own = BodyBudget.of(BUDGET);
        ServiceConfig impatient = serviceConfig().withLimits(serviceConfig().limits().withBodyBudget(own)
                .withSlowClientLimits(Duration.ofSeconds(1), 0));
        try (ScimServer server = ScimServer.start(impatient, runtime.core());
                RawConnection stalled = stalledCreate(server.config().port(), 60_000, 50_000)) {
            await(() -> own.available() <= BUDGET - 50_000, "the stalled body holds 50,000 bytes");
            assertThat(stalled.closedByService(PATIENCE)).isTrue();
            await(() -> own.available() == BUDGET, "the timed-out body's bytes are back");
            assertThat(new HttpJson(server.tenantUrl(tenantId), token).post("/Users", userOf("later", 50_000))
                    .status()).isEqualTo(201);
        }
    }
}
