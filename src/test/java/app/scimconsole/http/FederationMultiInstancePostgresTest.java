package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.service.FederationTrusts;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.service.TokenRequest;
import app.scimconsole.testing.EntraKeys;
import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workload identity federation on two instances of the service sharing one PostgreSQL database, as behind a load
 * balancer: a token issued by one is accepted by the other, an assertion used at one is a replay at the other, and
 * a trust removed through one is refused by both.
 */
class FederationMultiInstancePostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock = Clock.systemUTC();
    private ServiceRuntime a;
    private ServiceRuntime b;
    private EntraKeys entra;
    private RSAKey key;
    private String tenantId;
    private FederationTrusts.Added trust;

    @BeforeEach
    void twoInstances() throws Exception {
        entra = new EntraKeys(clock);
        key = EntraKeys.newKey("k1");
        entra.publish(key);
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 4);
        a = ServiceRuntime.start(PostgresDirectory.open(db), config, ServiceRuntime.AdminListen.loopbackAnyPort(),
                null, clock, new KeySetAddress(true));
        b = ServiceRuntime.start(PostgresDirectory.open(db), config, ServiceRuntime.AdminListen.loopbackAnyPort(),
                null, clock, new KeySetAddress(true));
        tenantId = new TenantAdmin(a.directory(), clock).enable().tenantId();
        trust = new FederationTrusts(a.directory(), a.directory().federation(), new KeySetAddress(true), clock)
                .add(EntraKeys.TENANT, EntraKeys.SUBJECT, EntraKeys.AUDIENCE, entra.url());
    }

    @AfterEach
    void stop() {
        for (ServiceRuntime r : new ServiceRuntime[] {a, b}) {
            if (r != null) {
                r.close();
            }
        }
        if (entra != null) {
            entra.close();
        }
    }

    private HttpResponse<String> present(ServiceRuntime at, String assertion) throws Exception {
        String form = OAuthTokenEndpointTest.form("grant_type", "client_credentials", "client_assertion_type",
                TokenRequest.JWT_BEARER, "client_assertion", assertion, "client_id", trust.clientId());
        return http.send(HttpRequest.newBuilder(URI.create(at.server().config().tokenEndpoint(tenantId)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String obtainToken(ServiceRuntime at) throws Exception {
        HttpResponse<String> r = present(at, EntraKeys.sign(key, entra.claims().build()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private int users(ServiceRuntime at, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(at.server().tenantUrl(tenantId) + "/Users"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void aTokenIssuedByOneInstanceWorksOnTheOther() throws Exception {
        assertThat(users(b, obtainToken(a))).isEqualTo(200);
        assertThat(users(a, obtainToken(b))).isEqualTo(200);
    }

    @Test
    void anAssertionUsedAtOneInstanceIsAReplayAtTheOther() throws Exception {
        String assertion = EntraKeys.sign(key, entra.claims().build());
        assertThat(present(a, assertion).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = present(b, assertion);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(replay.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aTrustRemovedThroughOneInstanceIsRefusedByBoth() throws Exception {
        String token = obtainToken(a);
        assertThat(users(b, token)).isEqualTo(200);
        new FederationTrusts(b.directory(), b.directory().federation(), new KeySetAddress(true), clock)
                .remove(trust.clientId());
        // Access tokens are read from the database on every request (no cache), so the refusal is immediate.
        assertThat(users(a, token)).isEqualTo(401);
        assertThat(users(b, token)).isEqualTo(401);
        for (ServiceRuntime at : new ServiceRuntime[] {a, b}) {
            HttpResponse<String> r = present(at, EntraKeys.sign(key, entra.claims().build()));
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("invalid_client");
        }
    }
}
