package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.AdminCredentials;
import app.scimconsole.service.SecretTokens;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ServeProcess;
import app.scimconsole.testing.ManualClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets: stored only as digests, never in the log, errors or activity; owner-only files; rotation with an
 * overlap window over real HTTP; audit entries for enable, rotate and disable.
 */
@Timeout(120)
class SecretsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    private Path data() {
        return root.resolve("data");
    }

    @Test
    void tokensAndAdminCredentialsAreStoredOnlyAsDigests() throws Exception {
        List<String> secrets = new ArrayList<>();
        String current;
        try (SqliteDirectory directory = SqliteDirectory.open(data())) {
            TenantAdmin admin = new TenantAdmin(directory, Clock.systemUTC());
            secrets.add(admin.enable().secretToken());
            secrets.add(admin.rotate(Duration.ofMinutes(30)).secretToken());
            current = admin.rotate(Duration.ZERO).secretToken();
            secrets.add(current);
            secrets.add(new AdminCredentials(directory).issue("laptop"));
            SavedServiceConfig.save(data(), ServiceConfig.defaults());
            assertNoSecretIn(data(), secrets); // while open, with the write-ahead log in use
            assertThat(directory.activity(null, 100)).allSatisfy(a -> assertThat(a.toString()).doesNotContain(secrets));
        }
        assertNoSecretIn(data(), secrets);
        // the scan does see the database: the digest of the current token is there
        String digest = HexFormat.of().formatHex(SecretTokens.hash(current));
        assertThat(contentsOf(data())).anySatisfy(text -> assertThat(text.toLowerCase()).contains(digest));
        assertOwnerOnly(data());
    }

    @Test
    void failedAuthenticationsLeaveNoSecretInTheLogOrTheAnswers() throws Exception {
        String token;
        try (SqliteDirectory directory = SqliteDirectory.open(data())) {
            token = new TenantAdmin(directory, Clock.systemUTC()).enable().secretToken();
        }
        String wrong = SecretTokens.generate();
        try (ServeProcess serve = ServeProcess.start(data())) {
            String tenantUrl = serve.tenantUrl();
            String otherTenant = tenantUrl.substring(0, tenantUrl.lastIndexOf('/') + 1) + "00000000-0000-4000-8000-000000000000";
            List<HttpJson.Response> answers = new ArrayList<>();
            answers.add(new HttpJson(tenantUrl, wrong).get("/Users"));
            answers.add(new HttpJson(tenantUrl, wrong).post("/Users", HttpJson.USER_JSON + "\"userName\":\"" + wrong + "\"}"));
            answers.add(new HttpJson(otherTenant, token).get("/Users"));
            answers.add(new HttpJson(tenantUrl, null).send("GET", "/Users", null, "Authorization", "Basic " + token));
            answers.add(new HttpJson(tenantUrl, null).send("GET", "/Users", null, "Authorization", "Bearer"));
            answers.add(new HttpJson(tenantUrl, token).post("/Users", HttpJson.USER_JSON + "\"userName\":" + token + "}"));
            answers.add(new HttpJson(serve.adminUrl(), token).get("/overview"));
            answers.add(new HttpJson(serve.adminUrl(), wrong).get("/overview"));
            assertThat(answers).extracting(HttpJson.Response::status).containsExactly(401, 401, 401, 401, 401, 400, 401, 401);
            assertThat(answers).allSatisfy(r -> assertThat(r.text()).doesNotContain(token).doesNotContain(wrong));
            assertThat(serve.stop()).isIn(0, 143);
            assertThat(serve.stderr()).doesNotContain(token).doesNotContain(wrong);
        }
        try (SqliteDirectory directory = SqliteDirectory.open(data())) {
            List<Directory.Activity> log = directory.activity(null, 100);
            assertThat(log).anySatisfy(a -> assertThat(a.code()).isEqualTo("activity.wrongToken"));
            assertThat(log).allSatisfy(a -> assertThat(a.toString()).doesNotContain(token).doesNotContain(wrong));
        }
        assertOwnerOnly(data());
    }

    @Test
    void rotationWithOverlapKeepsTheOldTokenWorkingUntilTheWindowEnds() throws Exception {
        ManualClock clock = ManualClock.shiftedFromNow();
        String first;
        try (SqliteDirectory directory = SqliteDirectory.open(data())) {
            first = new TenantAdmin(directory, Clock.systemUTC()).enable().secretToken();
        }
        try (ServiceRuntime runtime = ServiceRuntime.start(SqliteDirectory.open(data()),
                new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 4), "127.0.0.1:9", clock)) {
            String tenantUrl = runtime.server().tenantUrl(runtime.directory().defaultTenant().orElseThrow().id());
            String second = cli("scim", "rotate-token", "--overlap-minutes", "10", "--data", data().toString(), "--json");

            assertThat(new HttpJson(tenantUrl, first).get("/Users").status()).as("old token within the overlap").isEqualTo(200);
            assertThat(new HttpJson(tenantUrl, second).get("/Users").status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(9));
            assertThat(new HttpJson(tenantUrl, first).get("/Users").status()).as("old token after 9 minutes").isEqualTo(200);
            clock.advance(Duration.ofMinutes(2));
            assertThat(new HttpJson(tenantUrl, first).get("/Users").status()).as("old token after 11 minutes").isEqualTo(401);
            assertThat(new HttpJson(tenantUrl, second).get("/Users").status()).isEqualTo(200);

            TenantAdmin admin = new TenantAdmin(runtime.directory(), clock);
            String third = admin.rotate(Duration.ZERO).secretToken();
            assertThat(new HttpJson(tenantUrl, second).get("/Users").status()).as("no overlap: at once").isEqualTo(401);
            assertThat(new HttpJson(tenantUrl, third).get("/Users").status()).isEqualTo(200);
            admin.disable();
            assertThat(new HttpJson(tenantUrl, third).get("/Users").status()).isEqualTo(401);

            List<Directory.Activity> audit = runtime.directory().activity(null, 100).stream()
                    .filter(a -> a.resource().equals("ScimApp")).toList();
            assertThat(audit).extracting(Directory.Activity::operation)
                    .containsExactly("DISABLE", "ROTATE_TOKEN", "ROTATE_TOKEN", "ENABLE");
            assertThat(audit.get(2).code()).isEqualTo("activity.tokenRotated.overlap");
            assertThat(audit.get(2).args()).containsExactly("10");
            assertThat(audit.get(1).code()).isEqualTo("activity.tokenRotated");
            assertThat(audit).allSatisfy(a -> {
                assertThat(a.outcome()).isEqualTo("success");
                assertThat(a.toString()).doesNotContain(first).doesNotContain(second).doesNotContain(third);
            });
        }
    }

    /** Runs a command in its own JVM and returns the secret token it prints. */
    private static String cli(String... args) throws Exception {
        Process p = new ProcessBuilder(ServeProcess.java(List.of(), args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return JSON.readTree(out).path("secretToken").asText();
    }

    private static void assertNoSecretIn(Path folder, List<String> secrets) throws IOException {
        for (String text : contentsOf(folder)) {
            for (String secret : secrets) {
                assertThat(text.contains(secret)).as("a secret in the data folder").isFalse();
            }
        }
    }

    /** Every file of the folder as Latin-1 text, so that any byte sequence can be searched for. */
    private static List<String> contentsOf(Path folder) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return texts;
    }

    private static void assertOwnerOnly(Path folder) throws IOException {
        if (File.separatorChar != '/') {
            return; // Windows: the per-user AppData folder is private by its ACL
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.getFileName().toString())
                        .isEqualTo("rw-------");
            }
        }
    }
}
