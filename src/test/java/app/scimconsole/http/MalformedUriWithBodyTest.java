package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request whose URI Jetty cannot parse (a broken percent-escape in the path) and which carries a body gets its 400
 * with a SCIM error body, every time, for bodies the size of a request's head (Jetty reads that much more after
 * refusing, then closes). A larger body may still be reset: the README's limits say so. (An encoded NUL is a 404:
 * HostileTextTest.)
 */
@Timeout(180)
class MalformedUriWithBodyTest extends ScimServiceTestBase {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aMalformedUriWithABodyGetsIts400() throws Exception {
        int port = URI.create(tenantUrl).getPort();
        for (int size : new int[] {100, 4 * 1024, 12 * 1024}) {
            byte[] body = ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                    + "\"replace\",\"path\":\"title\",\"value\":\"" + "x".repeat(size) + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] head = ("PATCH " + URI.create(tenantUrl).getPath() + "/Users/a%zzb HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/scim+json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                try (RawConnection c = new RawConnection(port)) {
                    RawConnection.Response r = c.write(head).write(body).read(PATIENCE);
                    assertThat(r.status()).as("%d bytes, attempt %d", size, i + 1).isEqualTo(400);
                    assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
                    assertThat(r.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error")
                            .contains("The request is not well-formed HTTP.");
                }
            }
        }
    }
}
