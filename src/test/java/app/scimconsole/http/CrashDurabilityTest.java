package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ServeProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code serve} with SIGKILL in the middle of a stream of creates and PATCHes from several clients,
 * restarts it on the same data folder, and checks that every write that was answered 2xx is there with its
 * effect and its activity entry, and that no write is there in part.
 */
@Timeout(120)
class CrashDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final int CLIENTS = 4;
    private static final int ACKS_BEFORE_KILL = 80;

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> ackedCreates = new ConcurrentHashMap<>(); // id -> userName
    private final Set<String> ackedPatches = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndNothingIsHalfApplied() throws Exception {
        Path data = root.resolve("data");
        TenantAdmin.Credentials credentials;
        try (SqliteDirectory directory = SqliteDirectory.open(data)) {
            credentials = new TenantAdmin(directory, Clock.systemUTC()).enable();
        }
        String token = credentials.secretToken();

        try (ServeProcess serve = ServeProcess.start(data)) {
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> stream(serve.tenantUrl(), token, client), "crash-client-" + c);
                t.start();
                clients.add(t);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acks.get() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            serve.kill(); // while the clients are still sending
            stop.set(true);
            for (Thread t : clients) {
                t.join(30_000);
            }
        }
        assertThat(acks.get()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        Map<String, JsonNode> stored;
        try (ServeProcess restarted = ServeProcess.start(data)) {
            String base = restarted.tenantUrl();
            for (Map.Entry<String, String> created : ackedCreates.entrySet()) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/Users/" + created.getKey())), token);
                assertThat(r.statusCode()).as("acknowledged create of " + created.getValue()).isEqualTo(200);
                assertThat(JSON.readTree(r.body()).path("userName").asText()).isEqualTo(created.getValue());
            }
            stored = allUsers(base, token);
            assertThat(restarted.stop()).isIn(0, 143);
        }

        Set<String> patched = new HashSet<>();
        for (JsonNode user : stored.values()) {
            String userName = user.path("userName").asText();
            boolean hasDisplay = user.has("displayName");
            boolean hasTitle = user.has("title");
            boolean hasDepartment = user.path(ENTERPRISE).has("department");
            assertThat(List.of(hasDisplay, hasTitle, hasDepartment)).as("PATCH of " + userName + " applied whole or not at all")
                    .containsOnly(hasDisplay);
            if (hasDisplay) {
                patched.add(user.path("id").asText());
                assertThat(user.path("displayName").asText()).isEqualTo("Display " + userName);
                assertThat(user.path("title").asText()).isEqualTo("Title " + userName);
                assertThat(user.path(ENTERPRISE).path("department").asText()).isEqualTo("Department " + userName);
            }
        }
        assertThat(stored.keySet()).containsAll(ackedCreates.keySet());
        assertThat(patched).containsAll(ackedPatches);

        try (SqliteDirectory directory = SqliteDirectory.open(data)) {
            Set<String> createdInLog = new HashSet<>();
            Set<String> patchedInLog = new HashSet<>();
            for (Directory.Activity a : directory.activity(credentials.tenantId(), 100_000)) {
                if (a.outcome().equals("success") && a.operation().equals("CREATE")) {
                    createdInLog.add(a.resourceId());
                } else if (a.outcome().equals("success") && a.operation().equals("PATCH")) {
                    patchedInLog.add(a.resourceId());
                }
            }
            assertThat(createdInLog).as("a CREATE entry for exactly the users that exist").isEqualTo(stored.keySet());
            assertThat(patchedInLog).as("a PATCH entry for exactly the users that carry the PATCH").isEqualTo(patched);
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + data.resolve(
                    SqliteDirectory.FILE_NAME).toAbsolutePath()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }

    /** One client: create a user, then PATCH three attributes of it in one request, until stopped or cut off. */
    private void stream(String base, String token, int client) {
        for (int i = 0; !stop.get(); i++) {
            String userName = "crash-" + client + "-" + i;
            try {
                HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/Users"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                                + "\"userName\":\"" + userName + "\",\"active\":true}")), token);
                if (created.statusCode() != 201) {
                    throw new AssertionError("create answered " + created.statusCode() + ": " + created.body());
                }
                String id = JSON.readTree(created.body()).path("id").asText();
                ackedCreates.put(id, userName);
                acks.incrementAndGet();
                String patch = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                        + "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Display " + userName + "\"},"
                        + "{\"op\":\"Add\",\"path\":\"title\",\"value\":\"Title " + userName + "\"},"
                        + "{\"op\":\"Add\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Department " + userName + "\"}]}";
                HttpResponse<String> patched = send(HttpRequest.newBuilder(URI.create(base + "/Users/" + id))
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)), token);
                if (patched.statusCode() != 200) {
                    throw new AssertionError("PATCH answered " + patched.statusCode() + ": " + patched.body());
                }
                ackedPatches.add(id);
                acks.incrementAndGet();
            } catch (IOException e) {
                return; // the service was killed under this request: its outcome is unknown, and either is fine
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Map<String, JsonNode> allUsers(String base, String token) throws Exception {
        Map<String, JsonNode> users = new HashMap<>();
        for (int start = 1; ; start += 500) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/Users?startIndex=" + start + "&count=500")), token);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            page.path("Resources").forEach(u -> users.put(u.path("id").asText(), u));
            if (start + 500 > page.path("totalResults").asInt()) {
                return users;
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
