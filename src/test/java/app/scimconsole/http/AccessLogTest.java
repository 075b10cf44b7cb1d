package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SCIM listener's access log, as the console keeps it (a file a day in the data folder): a line a request with
 * the client's address, never a token or a query; and the client's address taken from {@code Forwarded} /
 * {@code X-Forwarded-For} only when the connection comes from a trusted proxy, so a client cannot choose it.
 */
class AccessLogTest extends ScimServiceTestBase {
    private Path logs() {
        return data.resolve("logs");
    }

    @Override
    ServiceConfig serviceConfig() {
        return super.serviceConfig().withAccessLog(AccessLog.dailyFilesIn(data.resolve("logs")));
    }

    /** The log's lines once it holds at least {@code count}: Jetty writes a line just after the answer is sent. */
    private List<String> lines(Path folder, int count) throws Exception {
        for (int i = 0; i < 100; i++) {
            List<String> lines;
            try (Stream<Path> files = Files.list(folder)) {
                lines = files.filter(f -> f.getFileName().toString().matches("access-\\d{4}_\\d{2}_\\d{2}\\.log"))
                        .flatMap(f -> read(f).stream()).toList();
            }
            if (lines.size() >= count) {
                return lines;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the access log in " + folder + " did not reach " + count + " lines");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLineARequestWithoutTokenOrQuery() throws Exception {
        assertThat(scim.get("/Users?filter=userName+eq+%22hanako.yamada%40testuser.com%22").status()).isEqualTo(200);
        assertThat(new HttpJson(tenantUrl, "wrong-token").get("/Groups").status()).isEqualTo(401);
        List<String> lines = lines(logs(), 2);
        // A line is written once its answer has gone out, so two quick requests may be logged in either order.
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("\\[\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"
                + "\\.\\d{3}Z] 127\\.0\\.0\\.1 \"GET " + URI.create(tenantUrl).getPath()
                + "/Users\" 200 \\d+ \\d+ \"Java-http-client/.+\""));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .contains("\"GET " + URI.create(tenantUrl).getPath() + "/Groups\" 401 "));
        String all = String.join("\n", lines);
        assertThat(all).doesNotContain(token).doesNotContain("wrong-token").doesNotContain("hanako")
                .doesNotContain("filter").doesNotContain("Bearer");
    }

    @Test
    void aTrustedProxyNamesTheClientAndAnyoneElseCannot() throws Exception {
        // the service trusts loopback (the default): the proxy on this machine says who the client is
        assertThat(scim.send("GET", "/Users", null, "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(200);
        assertThat(scim.send("GET", "/Groups", null, "Forwarded", "for=198.51.100.9;proto=https").status())
                .isEqualTo(200);
        // A line is written once its answer has gone out, so two quick requests may be logged in either order.
        List<String> proxied = lines(logs(), 2);
        assertThat(proxied).anySatisfy(line -> assertThat(line).contains(" 203.0.113.7 \"GET ").contains("/Users\""));
        assertThat(proxied).anySatisfy(line -> assertThat(line).contains(" 198.51.100.9 \"GET ").contains("/Groups\""));

        // a listener that trusts only 10.0.0.0/8 ignores what a client on loopback claims
        Path untrustingLogs = data.resolve("untrusting-logs");
        try (ScimServer untrusting = ScimServer.start(serviceConfig().withAccessLog(AccessLog.dailyFilesIn(untrustingLogs))
                .withTrustedProxies(TrustedProxies.of(List.of("10.0.0.0/8"))), runtime.core())) {
            HttpJson spoofer = new HttpJson(untrusting.tenantUrl(tenantId), token);
            assertThat(spoofer.send("GET", "/Users", null, "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(200);
            assertThat(spoofer.send("GET", "/Users", null, "Forwarded", "for=198.51.100.9").status()).isEqualTo(200);
            assertThat(lines(untrustingLogs, 2)).allSatisfy(line -> assertThat(line).contains(" 127.0.0.1 \"GET ")
                    .doesNotContain("203.0.113.7").doesNotContain("198.51.100.9"));
        }
    }
}
