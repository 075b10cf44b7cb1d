package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 in clear text on the SCIM port for a proxy that starts with it (prior knowledge; Jetty's own client here),
 * and HTTP/1.1 for a client that asks to upgrade (the JDK's does, on each new connection).
 */
class Http2CleartextTest extends ScimServiceTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aProxySpeakingHttp2FromTheFirstByteIsAnsweredOverHttp2() throws Exception {
        org.eclipse.jetty.client.HttpClient h2 = new org.eclipse.jetty.client.HttpClient(
                new HttpClientTransportOverHTTP2(new HTTP2Client()));
        h2.start();
        try {
            ContentResponse created = h2.newRequest(tenantUrl + "/Users").method("POST")
                    .headers(h -> h.put("Authorization", "Bearer " + token))
                    .body(new StringRequestContent("application/scim+json", HttpJson.USER_JSON + "\"userName\":\"h2@testuser.com\"}"))
                    .timeout(20, TimeUnit.SECONDS).send();
            assertThat(created.getVersion()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(created.getStatus()).isEqualTo(201);
            assertThat(created.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
            ContentResponse found = h2.newRequest(tenantUrl + "/Users?filter=userName+eq+%22h2%40testuser.com%22")
                    .headers(h -> h.put("Authorization", "Bearer " + token)).timeout(20, TimeUnit.SECONDS).send();
            assertThat(found.getVersion()).isEqualTo(HttpVersion.HTTP_2);
            assertThat(JSON.readTree(found.getContentAsString()).path("totalResults").asInt()).isEqualTo(1);
            ContentResponse refused = h2.newRequest(tenantUrl + "/Users").timeout(20, TimeUnit.SECONDS).send();
            assertThat(refused.getStatus()).isEqualTo(401);
            assertThat(JSON.readTree(refused.getContentAsString()).path("status").asText()).isEqualTo("401");
        } finally {
            h2.stop();
        }
    }

    @Test
    void aRequestAskingToUpgradeToH2cIsAnsweredOverHttp11() throws Exception {
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = jdk.send(HttpRequest.newBuilder(URI.create(tenantUrl + "/ServiceProviderConfig"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(JSON.readTree(r.body()).path("patch").path("supported").asBoolean()).isTrue();
        }
    }
}
