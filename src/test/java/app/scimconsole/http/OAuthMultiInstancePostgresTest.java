package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import app.scimconsole.service.Authenticator;
import app.scimconsole.service.OAuthClients;
import app.scimconsole.service.TenantAdmin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on one PostgreSQL database, each with its own directory and caches, as behind a load
 * balancer: an access token issued by one is accepted by the other, and removing the client or disabling the SCIM
 * app through one stops the token on both within a second.
 */
class OAuthMultiInstancePostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ServiceRuntime a;
    private ServiceRuntime b;
    private String tenantId;
    private OAuthClients.NewSecret client;

    @BeforeEach
    void twoInstances() throws IOException {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 4);
        a = ServiceRuntime.start(PostgresDirectory.open(db), config, null, Clock.systemUTC());
        b = ServiceRuntime.start(PostgresDirectory.open(db), config, null, Clock.systemUTC());
        tenantId = new TenantAdmin(a.directory(), Clock.systemUTC()).enable().tenantId();
        client = new OAuthClients(a.directory(), a.directory().oauth(), Clock.systemUTC()).add(365);
    }

    @AfterEach
    void stop() {
        for (ServiceRuntime r : new ServiceRuntime[] {a, b}) {
            if (r != null) {
                r.close();
            }
        }
    }

    private String obtainToken(ServiceRuntime at) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(client.clientId(),
                StandardCharsets.UTF_8) + "&client_secret=" + URLEncoder.encode(client.clientSecret(),
                StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(at.server().config()
                        .tokenEndpoint(tenantId))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private int users(ServiceRuntime at, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(at.server().tenantUrl(tenantId) + "/Users"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** Polls until {@code at} refuses the token; fails when that takes longer than a second (and some slack). */
    private void refusedWithinASecond(ServiceRuntime at, String token) throws Exception {
        long deadline = System.nanoTime() + Authenticator.REREAD_AFTER.toNanos() + Duration.ofMillis(500).toNanos();
        while (users(at, token) != 401) {
            assertThat(System.nanoTime()).as("still accepted after a second").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aTokenIssuedByOneInstanceWorksOnTheOther() throws Exception {
        assertThat(users(b, obtainToken(a))).isEqualTo(200);
        assertThat(users(a, obtainToken(b))).isEqualTo(200);
    }

    @Test
    void removingTheClientOnOneInstanceStopsItsTokensOnBoth() throws Exception {
        String token = obtainToken(a);
        assertThat(users(b, token)).isEqualTo(200);
        new OAuthClients(a.directory(), a.directory().oauth(), Clock.systemUTC()).remove(client.clientId());
        refusedWithinASecond(b, token);
        refusedWithinASecond(a, token);
    }

    @Test
    void disablingTheAppOnOneInstanceStopsTokensOnBoth() throws Exception {
        String token = obtainToken(b);
        assertThat(users(a, token)).isEqualTo(200);
        new TenantAdmin(a.directory(), Clock.systemUTC()).disable();
        refusedWithinASecond(b, token);
        refusedWithinASecond(a, token);
    }
}
