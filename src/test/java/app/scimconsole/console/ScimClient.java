package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plays Entra in the console tests: real SCIM requests to the embedded service's tenant URL. */
final class ScimClient {
    /** How many times a request the rate limit refused is sent in all. */
    private static final int MAX_ATTEMPTS = 30;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tenantUrl;
    private final String token;

    ScimClient(String tenantUrl, String token) {
        this.tenantUrl = tenantUrl;
        this.token = token;
    }

    int get(String path) {
        return send(HttpRequest.newBuilder(URI.create(tenantUrl + path)).GET());
    }

    /** Creates a user the way Entra does; null attributes are left out (as for an unmapped attribute). */
    int createUser(String userName, String displayName, String title, String department) {
        StringBuilder json = new StringBuilder("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],");
        json.append("\"userName\":\"").append(userName).append("\",\"active\":true,");
        if (displayName != null) {
            json.append("\"displayName\":\"").append(displayName).append("\",");
        }
        if (title != null) {
            json.append("\"title\":\"").append(title).append("\",");
        }
        json.append("\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"").append(userName).append("\"}]");
        if (department != null) {
            json.append(",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"")
                    .append(department).append("\"}");
        }
        json.append('}');
        return send(HttpRequest.newBuilder(URI.create(tenantUrl + "/Users"))
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())));
    }

    /** Sends JSON and returns the answer's status and body (e.g. "201 {…the created resource…}"). */
    String json(String method, String path, String body) {
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(URI.create(tenantUrl + path))
                .header("Content-Type", "application/scim+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
        return r.statusCode() + " " + r.body();
    }

    /** A user as Entra sends one, with a work e-mail address equal to its userName. */
    static String user(String userName, String displayName, String title, String department) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"userName\":\"" + userName
                + "\",\"active\":true,\"displayName\":\"" + displayName + "\",\"title\":\"" + title + "\","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName + "\"}],"
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"" + department
                + "\"}}";
    }

    /** Creates the user (asserting that it was) and returns its id. */
    String created(String json) {
        String r = json("POST", "/Users", json);
        assertThat(r).startsWith("201");
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Suspends a user as Entra does (PATCH active=false). */
    int suspend(String id) {
        String r = json("PATCH", "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":false}]}");
        return Integer.parseInt(r.substring(0, 3));
    }

    private int send(HttpRequest.Builder b) {
        return exchange(b).statusCode();
    }

    /**
     * Sends the request with the token; a 429 (the tenant's rate limit, which a test creating users in a loop meets on
     * a fast machine) is sent again after the Retry-After the service gave, as Entra does.
     */
    private HttpResponse<String> exchange(HttpRequest.Builder b) {
        HttpRequest request = b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).build();
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 429 || attempt == MAX_ATTEMPTS) {
                    return r;
                }
                long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(Duration.ofSeconds(seconds).toMillis()); // the service's own pacing, not a wait for a state
            }
        } catch (IOException e) {
            throw new AssertionError("SCIM request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
