package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests too large for the service get their status with an RFC 7644 §3.12 body, every time: a body over the
 * limit (413) however fast the client sends the rest, a request line (414) or headers (431) over the limit; and
 * every answer, Jetty's own included, tells browsers not to guess its type.
 */
@Timeout(180)
class OversizedRequestTest extends ScimServiceTestBase {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";

    private int port() {
        return URI.create(tenantUrl).getPort();
    }

    private String path(String rest) {
        return URI.create(tenantUrl).getPath() + rest;
    }

    @Test
    void aBodyOverTheLimitGetsIts413FiftyTimesInARowWithoutAReset() throws Exception {
        byte[] body = ("{\"userName\":\"big@testuser.com\",\"title\":\"" + "x".repeat(6 << 20) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 50; i++) {
            try (RawConnection c = new RawConnection(port())) {
                RawConnection.Response r = c.write(head).write(body).read(PATIENCE);
                assertThat(r.status()).as("attempt %d", i + 1).isEqualTo(413);
                assertThat(r.body()).contains(ERROR_URN).contains("\"413\"").contains("1024 KiB");
                assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            }
        }
        assertThat(scim.get("/Users?filter=userName+eq+%22big@testuser.com%22").json().path("totalResults").asInt())
                .isZero();
    }

    @Test
    void anOversizedRequestLineIs414WithAScimError() throws Exception {
        try (RawConnection c = new RawConnection(port())) {
            RawConnection.Response r = c.write("GET " + path("/Users/" + "a".repeat(100_000)) + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n").read(PATIENCE);
            assertThat(r.status()).isEqualTo(414);
            assertThat(r.body()).contains(ERROR_URN).contains("\"414\"").contains("request line");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void oversizedHeadersAre431WithAScimError() throws Exception {
        String oneHugeHeader = "X-Padding: " + "p".repeat(100_000) + "\r\n";
        StringBuilder manyHeaders = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            manyHeaders.append("X-H").append(i).append(": v\r\n");
        }
        for (String headers : new String[] {oneHugeHeader, manyHeaders.toString()}) {
            try (RawConnection c = new RawConnection(port())) {
                RawConnection.Response r = c.write("GET " + path("/Users") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + token + "\r\n" + headers + "\r\n").read(PATIENCE);
                assertThat(r.status()).isEqualTo(431);
                assertThat(r.body()).contains(ERROR_URN).contains("\"431\"").contains("headers");
                assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            }
        }
        assertThat(scim.get("/Users").status()).isEqualTo(200);
    }

    @Test
    void everyAnswerTellsBrowsersNotToGuessItsType() {
        HttpJson stranger = new HttpJson(tenantUrl, "not-the-token");
        HttpJson root = new HttpJson(URI.create(tenantUrl).resolve("/").toString(), null);
        for (HttpJson.Response r : new HttpJson.Response[] {scim.get("/Users"), scim.get("/Users/nobody"),
                scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"n@testuser.com\"}"), scim.delete("/Users/nobody"),
                stranger.get("/Users"), root.get("healthz"), root.get("elsewhere")}) {
            assertThat(r.header("X-Content-Type-Options")).as("%d %s", r.status(), r.text()).isEqualTo("nosniff");
        }
    }
}
