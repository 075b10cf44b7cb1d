package app.scimconsole.bench;

import app.scimconsole.domains.TestDnsServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Our service as an administrator runs it: {@code scim enable} then {@code serve} from the built jar, on a fresh data
 * folder (SQLite, every write durable before it is answered), in a JVM of its own with the given options.
 */
final class OurService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OurService() {
    }

    /**
     * Enables SCIM, registers {@code domain} and verifies it through {@code dns} (a name server on loopback that
     * publishes the TXT record), as an administrator does with the CLI, then starts {@code serve}.
     */
    static ServerProcess start(Path jar, Path data, List<String> jvmOptions, TestDnsServer dns, String domain) throws Exception {
        Files.createDirectories(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String dnsServer = "127.0.0.1:" + dns.address().getPort();
        JsonNode enabled = cli(java, jar, data, "scim", "enable");
        JsonNode record = cli(java, jar, data, "domain", "add", domain);
        dns.txt(record.path("recordName").asText(), record.path("recordValue").asText());
        JsonNode verified = cli(java, jar, data, "domain", "verify", domain, "--dns-server", dnsServer);
        if (!verified.path("status").asText().equals("VERIFIED")) {
            throw new IllegalStateException("the benchmark's domain did not verify: " + verified);
        }
        String tenantPath = URI.create(enabled.path("tenantUrl").asText()).getPath();
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        // the per-tenant rate limit is lifted: the comparison measures capacity
        command.addAll(List.of("-jar", jar.toString(), "serve", "--data", data.toString(), "--port", Integer.toString(port),
                "--admin-port", Integer.toString(ServerProcess.freePort()), "--dns-server", dnsServer, "--rate-limit", "1000000", "--rate-burst", "1000000"));
        Path log = data.resolve("serve.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess("ours", p, "http://127.0.0.1:" + port + tenantPath + "/Users",
                enabled.path("secretToken").asText()).awaitReady(log);
    }

    private static JsonNode cli(String java, Path jar, Path data, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--json", "--data", data.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + new String(out));
        }
        return JSON.readTree(out);
    }
}
