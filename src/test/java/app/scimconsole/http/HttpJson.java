package app.scimconsole.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small real HTTP client for tests: sends JSON, returns status, headers and the parsed body. */
final class HttpJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The opening of a user's JSON up to its first attribute: every resource names its schemas (RFC 7643 §3). */
    static final String USER_JSON = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],";
    /** The same for a group. */
    static final String GROUP_JSON = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],";
    /** The opening of a PATCH body: RFC 7644 §3.5.2 requires the PatchOp schema. */
    static final String PATCH_JSON = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;

    HttpJson(String base, String token) {
        this.base = base;
        this.token = token;
    }

    void token(String newToken) {
        this.token = newToken;
    }

    record Response(int status, Map<String, List<String>> headers, String text) {
        JsonNode json() {
            try {
                return text.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String body) {
        return send("POST", path, body);
    }

    Response patch(String path, String body) {
        return send("PATCH", path, body);
    }

    Response put(String path, String body) {
        return send("PUT", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    Response send(String method, String path, String body, String... headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                headers);
    }

    /** The body as these bytes, which need not be UTF-8 (a Java string cannot carry a broken encoding). */
    Response sendBytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "application/scim+json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
