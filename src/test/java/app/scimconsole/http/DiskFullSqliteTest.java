package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.scim.ScimProblem;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.SmallDisk;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22: the disk holding the SQLite data folder fills up while the service runs. Each create is then answered
 * 503 with Retry-After and a SCIM error saying the disk is full (not a bare 500), the service log has one line for
 * it, not one per request, nothing acknowledged is lost, and creates succeed again once space is freed; the
 * activity log then has the outage's start and end. The data
 * folder is on a real 4 MiB tmpfs the test mounts (it needs the right to mount, as root in CI has); where it cannot,
 * the test is skipped and says why.
 */
@Timeout(120)
class DiskFullSqliteTest {
    private static final String GROUP = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],";

    @TempDir
    Path root;

    private SmallDisk mounted;
    private ServiceRuntime runtime;

    @AfterEach
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (mounted != null) {
            mounted.close();
        }
    }

    @Test
    void aFullDiskIsA503WithRetryAfterUntilSpaceIsFreed() throws Exception {
        mounted = SmallDisk.mount(root, 4);
        Path disk = mounted.path();
        Path data = disk.resolve("data");
        runtime = ServiceRuntime.start(SqliteDirectory.open(data),
                new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 8), "127.0.0.1:9",
                Clock.systemUTC());
        TenantAdmin.Credentials tenant = new TenantAdmin(runtime.directory(), Clock.systemUTC()).enable();
        HttpJson scim = new HttpJson(runtime.server().tenantUrl(tenant.tenantId()), tenant.secretToken());
        assertThat(scim.post("/Groups", GROUP + "\"displayName\":\"before\"}").status()).isEqualTo(201);

        Path filler = disk.resolve("filler");
        SmallDisk.fill(filler);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            for (int i = 0; i < 5; i++) {
                String big = "x".repeat(200_000); // more than the few bytes a full file system may have left
                HttpJson.Response r = scim.post("/Groups", GROUP + "\"displayName\":\"during " + i + big + "\"}");
                assertThat(r.status()).as(r.text()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isEqualTo("5");
                assertThat(r.json().path("detail").asText()).isEqualTo(ScimProblem.STORAGE_FULL.english(List.of()));
            }
            assertThat(scim.get("/Groups").json().path("totalResults").asInt()).as("reads go on").isOne();
            // The console's overview still reads, and says why changes are refused: which folder, how much is free.
            JsonNode outage = new HttpJson(runtime.adminUrl(), runtime.adminCredential()).get("/overview").json()
                    .path("storageOutage");
            assertThat(outage.path("code").asText()).isEqualTo("storage.FULL");
            assertThat(outage.path("args").get(0).asText()).isEqualTo(data.toAbsolutePath().toString());
            assertThat(outage.path("args").get(1).asLong()).isLessThan(200_000);
            // The console window's light read says the same.
            JsonNode state = new HttpJson(runtime.adminUrl(), runtime.adminCredential()).get("/storage").json()
                    .path("outage");
            assertThat(state).isEqualTo(outage);
        } finally {
            System.setErr(stderr);
            stderr.print(log.toString(StandardCharsets.UTF_8));
        }
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).as("one line for the outage, not one per request").hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("Storage outage (FULL) in " + data.toAbsolutePath())
                        .containsPattern("\\(\\d+ bytes free\\)"));

        Files.delete(filler);
        HttpJson.Response after = scim.post("/Groups", GROUP + "\"displayName\":\"after\"}");
        assertThat(after.status()).as("once space is freed: " + after.text()).isEqualTo(201);
        assertThat(scim.get("/Groups").json().path("totalResults").asInt()).isEqualTo(2);
        assertThat(runtime.admin().overview().storageOutage()).as("over once a write succeeded").isNull();
        assertThat(runtime.admin().storageState().outage()).isNull();
        DatabaseOutagePostgresTest.expectOutageRecorded(runtime.directory().activity(tenant.tenantId(), 100), "FULL", 5);
        runtime.close();
        runtime = null;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteDirectory.FILE_NAME));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }
}
