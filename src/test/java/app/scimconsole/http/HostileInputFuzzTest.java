package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.testing.Gen;
import app.scimconsole.testing.Property;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Generated hostile input sent to the real service over HTTP: every answer is a SCIM 4xx error or a valid
 * result, never a 500, and always in time. Replay a failure with {@code -Dproperty.seed=N}.
 */
@Timeout(120)
class HostileInputFuzzTest extends ScimServiceTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String userId;
    private String groupId;

    @BeforeEach
    void resources() {
        userId = scim.post("/Users", HttpJson.USER_JSON + "\"userName\":\"fuzz@testuser.com\"}").json().path("id").asText();
        groupId = scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"Fuzzers\",\"members\":[{\"value\":\"" + userId + "\"}]}")
                .json().path("id").asText();
    }

    record Sample(String method, String path, String contentType, byte[] body) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " [" + contentType + "] " + (text.length() > 1500 ? text.substring(0, 1500) + "..." : text);
        }
    }

    @Test
    void generatedResourceBodies() {
        Property.forAll(250, r -> {
            String target = Gen.oneOf(r, "POST /Users", "POST /Groups", "PUT /Users/" + userId, "PUT /Groups/" + groupId,
                    "POST /Users/.search", "POST /Groups/.search");
            String[] mp = target.split(" ");
            return new Sample(mp[0], mp[1], "application/scim+json", HostileInput.resource(r).getBytes(StandardCharsets.UTF_8));
        }, this::answersWell);
    }

    @Test
    void generatedFiltersAndQueryParameters() {
        Property.forAll(300, r -> {
            StringBuilder q = new StringBuilder("?filter=").append(encode(r.nextInt(5) == 0 ? HostileInput.mutatedFilter(r)
                    : HostileInput.filter(r, 4)));
            if (r.nextInt(4) == 0) {
                q.append("&sortBy=").append(encode(HostileInput.attrPath(r))).append("&sortOrder=")
                        .append(encode(Gen.oneOf(r, "ascending", "descending", "up", "")));
            }
            if (r.nextInt(4) == 0) {
                q.append("&startIndex=").append(encode(Gen.oneOf(r, "0", "-5", "1", "99999999999", "x", "2147483648")))
                        .append("&count=").append(encode(Gen.oneOf(r, "0", "-1", "1000000", "1e3", "", "5")));
            }
            if (r.nextInt(4) == 0) {
                q.append(Gen.oneOf(r, "&attributes=", "&excludedAttributes=")).append(encode(HostileInput.attrPath(r)));
            }
            return new Sample("GET", Gen.oneOf(r, "/Users", "/Groups") + q, null, null);
        }, this::answersWell);
    }

    @Test
    void generatedPatchDocuments() {
        Property.forAll(250, r -> new Sample("PATCH", r.nextInt(3) == 0 ? "/Groups/" + groupId : "/Users/" + userId,
                "application/scim+json", HostileInput.patch(r).getBytes(StandardCharsets.UTF_8)), this::answersWell);
    }

    @Test
    void garbageBytesWrongContentTypesAndOddMethodsAndPaths() {
        Property.forAll(200, r -> {
            byte[] body = Gen.weighted(r, new int[] {3, 1, 1, 1},
                    () -> {
                        byte[] b = new byte[r.nextInt(3000)];
                        r.nextBytes(b);
                        return b;
                    },
                    () -> HostileInput.resource(r).getBytes(StandardCharsets.UTF_16),
                    () -> new byte[0],
                    () -> HostileInput.patch(r).getBytes(StandardCharsets.ISO_8859_1));
            String type = Gen.oneOf(r, "application/scim+json", "application/json; charset=utf-16", "text/plain",
                    "application/xml", "multipart/form-data; boundary=x", ";;;", "application/scim+json; charset=\"\"", null);
            String method = Gen.oneOf(r, "GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "FROB");
            String path = Gen.oneOf(r, "/Users", "/Groups", "/Users/" + userId, "/Groups/" + groupId, "/Users/.search",
                    "/Schemas", "/Schemas/urn:x", "/ResourceTypes/User", "/ServiceProviderConfig", "", "/Bulk", "/Me",
                    "/Users/" + userId + "/extra", "/" + encode(Gen.anyString(r, 20)), "/Users/" + encode(Gen.anyString(r, 40)));
            return new Sample(method, path, type, body);
        }, this::answersWell);
    }

    /** Framing only a raw socket can send: every refusal, Jetty's own included, is a SCIM error; a closed connection is fine. */
    @Test
    void hugeHeadersQueryStringsAndBrokenFraming() throws Exception {
        String base = URI.create(tenantUrl).getPath();
        String auth = "Authorization: Bearer " + token + "\r\n";
        List<String> requests = List.of(
                "GET " + base + "/Users HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "a".repeat(200_000) + "\r\n\r\n",
                "GET " + base + "/Users HTTP/1.1\r\nHost: x\r\n" + auth + manyHeaders(300) + "\r\n",
                "GET " + base + "/Users?filter=" + "a".repeat(300_000) + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "GET " + base + "/Users?filter=userName%20eq%20%22" + "b".repeat(9000) + "%22 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "GET " + base + "/Users?filter=%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "GET " + base + "/Users/%zz HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "GET " + base + "/../../../etc/passwd HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n",
                "\u0001\u0002\u0003 HTTP/1.1\r\n\r\n",
                "GET\r\n\r\n",
                "POST " + base + "/Users HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: -1\r\n\r\n",
                "POST " + base + "/Users HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: abc\r\n\r\n",
                "POST " + base + "/Users HTTP/1.1\r\nHost: x\r\n" + auth + "Transfer-Encoding: gzip\r\n\r\n",
                "POST " + base + "/Users HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
                "POST " + base + "/Users HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/scim+json\r\n"
                        + "Content-Length: 99999999999\r\n\r\n{",
                "POST " + base + "/Users HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/scim+json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + ("100000\r\n" + "x".repeat(0x100000) + "\r\n").repeat(2) + "0\r\n\r\n");
        for (String request : requests) {
            String shown = request.length() > 200 ? request.substring(0, 200) + "..." : request;
            try (RawConnection c = new RawConnection(URI.create(tenantUrl).getPort())) {
                try {
                    c.write(request);
                } catch (IOException closedWhileSending) {
                    continue; // the server refused to read on: fine
                }
                RawConnection.Response answer;
                try {
                    answer = c.read(ANSWER_WITHIN);
                } catch (java.net.SocketTimeoutException e) {
                    throw new AssertionError("no answer within " + ANSWER_WITHIN + " to: " + shown, e);
                } catch (IOException closed) {
                    continue;
                }
                assertThat(answer.status()).as(shown).isNotEqualTo(500).isLessThanOrEqualTo(501); // 501: an unknown Transfer-Encoding
                if (answer.status() >= 400) { // 300 small headers are within the 16 KiB limit: answered as usual
                    assertThat(answer.header("Content-Type")).as(shown).startsWith("application/scim+json");
                    assertScimError(shown, answer.status(), answer.body());
                }
            }
        }
        assertThat(scim.get("/Users").status()).as("the service still answers").isEqualTo(200);
    }

    private void answersWell(Sample s) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(tenantUrl + s.path())).timeout(ANSWER_WITHIN)
                .method(s.method(), s.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(s.body()))
                .header("Authorization", "Bearer " + token);
        if (s.contentType() != null) {
            b.header("Content-Type", s.contentType());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("no answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        // 501 is the SCIM answer for /Bulk and /Me, which this service does not offer; no other 5xx may appear
        assertThat(r.statusCode()).as("status; body " + r.body()).isNotEqualTo(500).isLessThanOrEqualTo(501);
        if (r.statusCode() >= 400) {
            assertScimError(s.toString(), r.statusCode(), r.body());
        } else if (!r.body().isEmpty()) {
            assertThat(parse(r.body()).isObject()).isTrue();
        }
    }

    private static void assertScimError(String what, int status, String body) {
        JsonNode error = parse(body);
        assertThat(error.path("schemas").toString()).as(what).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).as(what).isEqualTo(Integer.toString(status));
        assertThat(error.path("detail").asText()).as(what).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String manyHeaders(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("X-Many-").append(i).append(": 1\r\n");
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
