package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ServeProcess;
import app.scimconsole.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a NUL in a path, a filter or a body costs the operator at most one line in the service log, never a
 * stack trace (PostgreSQL's refusal of a NUL used to log 3 KB each time). Read from the real {@code serve}
 * process's standard error, where the service logs, on both engines.
 */
@Timeout(180)
class HostileTextLogTest {
    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],";

    @TempDir
    Path root;

    @Test
    void onSqlite() throws Exception {
        expectQuietOn(SqliteDirectory.open(root.resolve("data")), Map.of());
    }

    @Test
    void onPostgres() throws Exception {
        PostgresDirectory.Settings db = TestPostgres.freshDatabase();
        expectQuietOn(PostgresDirectory.open(db), Map.of("SCIM_DB_USER", db.user()), "--db", db.url());
    }

    /** Enables the SCIM app on {@code opened} (then closed), and runs serve on the same database. */
    private void expectQuietOn(SqlDirectory opened, Map<String, String> env, String... serveArgs) throws Exception {
        String token;
        try (SqlDirectory directory = opened) {
            token = new TenantAdmin(directory, Clock.systemUTC()).enable().secretToken();
        }
        try (ServeProcess serve = ServeProcess.start(root.resolve("data"), List.of(), env, serveArgs)) {
            expectAtMostOneLineEach(serve, token);
        }
    }

    private static void expectAtMostOneLineEach(ServeProcess serve, String token) throws Exception {
        String tenantUrl = serve.tenantUrl();
        String tenantRoot = tenantUrl.substring(0, tenantUrl.lastIndexOf('/') + 1);
        HttpJson scim = new HttpJson(tenantUrl, token);
        List<Supplier<HttpJson.Response>> hostile = List.of(
                () -> new HttpJson(tenantRoot, null).get("%00/Users"),
                () -> scim.get("/Users/a%00b"),
                () -> scim.get("/Users/a%01b"),
                () -> scim.get("/Users?filter=userName+eq+%22a%00b%22"),
                () -> scim.post("/Users/.search", "{\"filter\":\"userName eq \\\"a\\u0000b\\\"\"}"),
                () -> scim.post("/Users", USER + "\"userName\":\"a\\u0000b@example.com\"}"),
                () -> scim.post("/Users", USER + "\"userName\":\"a@example.com\",\"displayName\":\"x\\udfffy\"}"));
        List<Integer> statuses = new ArrayList<>();
        for (Supplier<HttpJson.Response> request : hostile) {
            List<String> before = serve.stderr().lines().toList();
            statuses.add(request.get().status());
            List<String> added = serve.stderr().lines().skip(before.size()).toList();
            assertThat(added).as("logged for request %d", statuses.size()).hasSizeLessThanOrEqualTo(1)
                    .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by")
                            || line.contains("Exception"));
        }
        assertThat(statuses).containsExactly(404, 404, 404, 400, 400, 400, 400);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
        String log = serve.stderr();
        assertThat(serve.stop()).isIn(0, 143);
        assertThat(log).doesNotContain("\tat ").doesNotContain("ERROR");
    }
}
