package app.scimconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.testing.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands with {@code --db jdbc:postgresql://…}, as separate processes: the database user from the
 * environment, the password from a file (the test server trusts local connections, so any password does), and
 * a password in the URL refused. {@code serve --db} answers the health check and sees what {@code scim enable}
 * stored.
 */
class CliPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private ProcessBuilder command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "app.scimconsole.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SCIM_DB_USER", "postgres");
        pb.environment().remove("SCIM_DB_PASSWORD");
        return pb;
    }

    private Run run(String... args) throws Exception {
        Process p = command(args).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out.trim(), err.trim());
    }

    @Test
    void commandsAndServeRunOnPostgres() throws Exception {
        String db = TestPostgres.freshDatabase().url();
        Path passwordFile = Files.writeString(data.resolve("db-password"), "not-needed-by-the-test-server\n");
        String d = data.toString();

        Run enable = run("scim", "enable", "--db", db, "--db-password-file", passwordFile.toString(), "--data", d, "--json");
        assertThat(enable.exit()).as(enable.err()).isZero();
        String token = enable.json().path("secretToken").asText();
        assertThat(run("users", "list", "--db", db, "--data", d, "--json").json().path("users").size()).isZero();
        assertThat(run("domain", "add", "example.com", "--db", db, "--data", d, "--json").json().path("recordType")
                .asText()).isEqualTo("TXT");
        assertThat(run("domain", "list", "--db", db, "--data", d, "--json").json().path("domains").size()).isEqualTo(1);

        Run leaky = run("users", "list", "--db", db + "?password=secret", "--data", d, "--json");
        assertThat(leaky.exit()).isNotZero();
        assertThat(leaky.err()).contains("SCIM_DB_PASSWORD");

        Process serve = command("serve", "--db", db, "--port", "0", "--admin-port", "0", "--data", d, "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String tenantUrl = JSON.readTree(out.readLine()).path("tenantUrl").asText();
            assertThat(tenantUrl).endsWith(enable.json().path("tenantUrl").asText()
                    .substring(enable.json().path("tenantUrl").asText().lastIndexOf('/')));
            HttpClient http = HttpClient.newHttpClient();
            URI root = URI.create(tenantUrl);
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(root.resolve("/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create(tenantUrl + "/Users"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(200);
        } finally {
            serve.destroy(); // SIGTERM: graceful
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serve.exitValue()).isIn(0, 143);
    }
}
