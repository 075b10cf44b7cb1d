package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.PostgresDirectory;
import app.scimconsole.scim.ScimProblem;
import app.scimconsole.service.TenantAdmin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: PostgreSQL stopped (a fast shutdown, as a restart does) while the service runs. Every request is then
 * answered 503 with Retry-After and a SCIM error saying the database cannot be reached, within the pool's wait for
 * a connection (not a 500, not a hang), {@code /healthz} says so, and once the server is back requests succeed as
 * soon as the pool has reconnected; the console's admin API answers the same way, and the activity log has the
 * outage's start and end. A server of its own, on a data folder the test keeps, so that it can be stopped and
 * started again without touching the one other tests share.
 */
@Timeout(180)
class DatabaseOutagePostgresTest {
    private static final String GROUP = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],";
    /** The pool's wait for a connection, and a margin for a machine shared with other builds. */
    private static final long ANSWERED_WITHIN_MILLIS = 3_000 + 4_000;

    @TempDir
    Path root;

    private EmbeddedPostgres postgres;
    private ServiceRuntime runtime;

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(root.resolve("pgdata"))
                .setCleanDataDirectory(false).setServerConfig("fsync", "off").start();
    }

    @AfterEach
    void stop() throws IOException {
        if (runtime != null) {
            runtime.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfterWhileItLasts() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        postgres = startPostgres(port);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE scim");
        }
        runtime = ServiceRuntime.start(PostgresDirectory.open(new PostgresDirectory.Settings(
                postgres.getJdbcUrl("postgres", "scim"), "postgres", null, 4)),
                new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 8), "127.0.0.1:9",
                Clock.systemUTC());
        TenantAdmin.Credentials tenant = new TenantAdmin(runtime.directory(), Clock.systemUTC()).enable();
        HttpJson scim = new HttpJson(runtime.server().tenantUrl(tenant.tenantId()), tenant.secretToken());
        HttpJson health = new HttpJson("http://127.0.0.1:" + runtime.server().config().port(), null);
        HttpJson admin = new HttpJson(runtime.adminUrl(), runtime.adminCredential());
        assertThat(scim.post("/Groups", GROUP + "\"displayName\":\"before\"}").status()).isEqualTo(201);
        assertThat(health.get("/healthz").status()).isEqualTo(200);

        postgres.close(); // pg_ctl stop: a fast shutdown
        postgres = null;
        // The service logs to standard error (slf4j-simple looks System.err up at each line).
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 3; i++) { // the pooled connections die first, then new ones are refused
                expectUnreachable(timed(() -> scim.get("/Users")));
                expectUnreachable(timed(() -> scim.post("/Groups", GROUP + "\"displayName\":\"during\"}")));
                expectUnreachable(timed(() -> scim.get("/Groups?filter=displayName+eq+%22before%22")));
                // The console's admin API: the same 503, with the reason as a code its bundles say in words.
                HttpJson.Response overview = timed(() -> admin.get("/overview"));
                assertThat(overview.status()).as(overview.text()).isEqualTo(503);
                assertThat(overview.header("Retry-After")).isEqualTo("5");
                assertThat(overview.json().path("code").asText()).isEqualTo(ScimProblem.DATABASE_UNREACHABLE.code());
                // The console window's light read (the storage's state alone) touches the store and is refused alike.
                HttpJson.Response storage = timed(() -> admin.get("/storage"));
                assertThat(storage.status()).as(storage.text()).isEqualTo(503);
                assertThat(storage.json().path("code").asText()).isEqualTo(ScimProblem.DATABASE_UNREACHABLE.code());
            }
        } finally {
            System.setErr(stderr);
            stderr.print(log.toString(StandardCharsets.UTF_8));
        }
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("one line for the outage, not one per request").hasSizeLessThanOrEqualTo(1)
                .allSatisfy(line -> assertThat(line).contains("Storage outage (UNREACHABLE)"));
        long asked = System.nanoTime();
        HttpJson.Response down = health.get("/healthz");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.text()).contains("database unavailable");
        assertThat((System.nanoTime() - asked) / 1_000_000).isLessThan(ANSWERED_WITHIN_MILLIS);

        postgres = startPostgres(port);
        // The pool opens new connections as soon as the server accepts them; a request that came while its last
        // attempt was failing may still be told 503 (never anything else) within its wait.
        long back = System.nanoTime();
        HttpJson.Response after = scim.post("/Groups", GROUP + "\"displayName\":\"after\"}");
        while (after.status() == 503 && System.nanoTime() - back < 10_000_000_000L) {
            after = scim.post("/Groups", GROUP + "\"displayName\":\"after\"}");
        }
        assertThat(after.status()).as("once the server is back: " + after.text()).isEqualTo(201);
        assertThat(health.get("/healthz").status()).isEqualTo(200);
        assertThat(scim.get("/Groups").json().path("totalResults").asInt()).as("nothing acknowledged was lost, nothing"
                + " refused was kept").isEqualTo(2);
        expectOutageRecorded(runtime.directory().activity(tenant.tenantId(), 100), "UNREACHABLE", 3 * 4);
    }

    /**
     * The tenant's activity log has the outage as two entries, its start and its end, not one per refused request;
     * {@code refused}: how many requests of the test were refused (the admin API's included, at least).
     */
    static void expectOutageRecorded(List<Directory.Activity> log, String kind, int refused) {
        List<Directory.Activity> outage = log.stream().filter(a -> a.operation().equals("OUTAGE")).toList();
        assertThat(outage).extracting(Directory.Activity::code).containsExactly(
                "activity.outage." + kind + ".ended", "activity.outage." + kind + ".started"); // newest first
        assertThat(outage.get(1).time()).isBefore(outage.get(0).time());
        assertThat(Integer.parseInt(outage.get(0).args().get(0))).isGreaterThanOrEqualTo(refused);
        assertThat(log).filteredOn(a -> "rejected".equals(a.outcome())).hasSize(1);
    }

    private static void expectUnreachable(HttpJson.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.json().path("schemas")).hasToString(
                "[\"urn:ietf:params:scim:api:messages:2.0:Error\"]");
        assertThat(r.json().path("status").asText()).isEqualTo("503");
        assertThat(r.json().path("detail").asText()).isEqualTo(ScimProblem.DATABASE_UNREACHABLE.english(List.of()));
    }

    /** Each request is answered within the pool's wait for a connection, however the connection failed. */
    private static HttpJson.Response timed(java.util.function.Supplier<HttpJson.Response> request) {
        long asked = System.nanoTime();
        HttpJson.Response r = request.get();
        assertThat((System.nanoTime() - asked) / 1_000_000).isLessThan(ANSWERED_WITHIN_MILLIS);
        return r;
    }
}
