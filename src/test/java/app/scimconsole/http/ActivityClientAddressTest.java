package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory.Activity;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every activity entry of a SCIM request names the client's address: the one a trusted reverse proxy forwarded
 * (Entra's, not the proxy's), and from anyone else the peer's, whatever the request claims. The admin API carries it.
 */
class ActivityClientAddressTest extends ScimServiceTestBase {
    private static final String ENTRA = "203.0.113.7";

    @Test
    void throughATrustedProxyEveryEntryNamesTheForwardedClient() throws Exception {
        // the service trusts loopback (the default): these requests come through the proxy on this machine
        HttpJson.Response created = scim.send("POST", "/Users", HttpJson.USER_JSON
                + "\"userName\":\"alice@testuser.com\"}", "X-Forwarded-For", ENTRA);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(scim.send("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"CEO\"}]}",
                "Forwarded", "for=198.51.100.9;proto=https").status()).isEqualTo(200);
        assertThat(scim.send("POST", "/Users", HttpJson.USER_JSON + "\"userName\":\"mallory@unverified.example\"}",
                "X-Forwarded-For", ENTRA).status()).isEqualTo(400);
        assertThat(new HttpJson(tenantUrl, "not-the-token").send("GET", "/Users", null, "X-Forwarded-For", ENTRA)
                .status()).isEqualTo(401);

        assertThat(entry(a -> "activity.created".equals(a.code())).clientAddress()).isEqualTo(ENTRA);
        assertThat(entry(a -> "activity.changed".equals(a.code())).clientAddress()).isEqualTo("198.51.100.9");
        assertThat(entry(a -> "rejected".equals(a.outcome()) && "CREATE".equals(a.operation())).clientAddress())
                .isEqualTo(ENTRA);
        assertThat(entry(a -> "AUTHENTICATE".equals(a.operation())).clientAddress()).isEqualTo(ENTRA);

        JsonNode listed = new HttpJson(runtime.adminUrl(), runtime.adminCredential()).get("/activity").json();
        assertThat(listed).isNotEmpty().allSatisfy(e -> assertThat(e.has("clientAddress")).isTrue());
        assertThat(listed).anySatisfy(e -> assertThat(e.path("clientAddress").asText()).isEqualTo("198.51.100.9"));
    }

    @Test
    void fromAPeerNotTrustedTheForwardedHeadersAreIgnored() throws Exception {
        try (ScimServer untrusting = ScimServer.start(serviceConfig()
                .withTrustedProxies(TrustedProxies.of(List.of("10.0.0.0/8"))), runtime.core())) {
            String url = untrusting.tenantUrl(tenantId);
            assertThat(new HttpJson(url, token).send("POST", "/Users", HttpJson.USER_JSON
                    + "\"userName\":\"alice@testuser.com\"}", "X-Forwarded-For", ENTRA).status()).isEqualTo(201);
            assertThat(new HttpJson(url, "not-the-token").send("GET", "/Users", null, "Forwarded", "for=" + ENTRA)
                    .status()).isEqualTo(401);
        }
        assertThat(entry(a -> "activity.created".equals(a.code())).clientAddress()).isEqualTo("127.0.0.1");
        assertThat(entry(a -> "AUTHENTICATE".equals(a.operation())).clientAddress()).isEqualTo("127.0.0.1");
    }

    /**
     * The newest entry that {@code matches}; waits a little for it, because a refused sign-in is logged after its
     * answer has gone out.
     */
    private Activity entry(Predicate<Activity> matches) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (Activity a : directory.activity(tenantId, 100)) {
                if (matches.test(a)) {
                    return a;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such activity entry in " + directory.activity(tenantId, 100));
    }
}
