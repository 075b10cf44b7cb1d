package app.scimconsole.console.context;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.http.ServiceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's embedded service keeps its access log in the data folder, a file a day. */
class EmbeddedAccessLogTest {
    @Test
    void eachRequestIsALineInTheDataFolder(@TempDir Path data) throws Exception {
        ServiceConfig config = new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY,
                ServiceConfig.DEFAULT_THREADS);
        try (ServiceConnection embedded = ServiceConnection.embedded(data, config, "127.0.0.1:9", Clock.systemUTC())) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(embedded.location() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            Path logs = data.resolve(ServiceConnection.ACCESS_LOG_FOLDER);
            List<String> lines = List.of();
            for (int i = 0; i < 100 && lines.isEmpty(); i++) { // Jetty writes the line just after the answer
                Thread.sleep(50);
                try (Stream<Path> files = Files.list(logs)) {
                    lines = files.flatMap(f -> {
                        try {
                            return Files.readAllLines(f).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
                }
            }
            assertThat(lines).singleElement().asString().contains(" 127.0.0.1 \"GET /healthz\" 200 ");
        }
    }
}
