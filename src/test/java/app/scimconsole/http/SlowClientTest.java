package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ServeProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow-loris: more stalled clients than the service has worker threads must not lock out everyone else.
 * The JDK server's request timeout is process-wide and read once, so this runs {@code serve} in its own JVM
 * with the timeout shortened to 2 s and the idle check every 0.5 s (the defaults, 30 s and 10 s, would make
 * the test slow, not different).
 */
@Timeout(90)
class SlowClientTest {
    private static final int STALLED = ServiceConfig.DEFAULT_THREADS + 4;

    @TempDir
    Path root;

    @Test
    void stalledClientsAreCutOffAndDoNotBlockOthers() throws Exception {
        Path data = root.resolve("data");
        String token;
        try (SqliteDirectory directory = SqliteDirectory.open(data)) {
            token = new TenantAdmin(directory, Clock.systemUTC()).enable().secretToken();
        }
        try (ServeProcess serve = ServeProcess.start(data, List.of("-Dsun.net.httpserver.maxReqTime=2",
                "-Dsun.net.httpserver.clockTick=500"), Map.of())) {
            URI tenant = URI.create(serve.tenantUrl());
            List<RawConnection> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED; i++) {
                    // a request line and half a header, then nothing: each holds a worker while it waits
                    stalled.add(new RawConnection(tenant.getPort()).write("GET " + tenant.getPath() + "/Users HTTP/1.1\r\nHost: 12"));
                }
                RawConnection silent = new RawConnection(tenant.getPort()); // connects and never says a word
                stalled.add(silent);
                Thread.sleep(300);

                long start = System.nanoTime();
                HttpJson client = new HttpJson(serve.tenantUrl(), token);
                assertThat(client.get("/Users").status()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                for (RawConnection c : stalled) {
                    assertThat(c.closedByService(Duration.ofSeconds(10))).as("stalled connection cut off").isTrue();
                }
            } finally {
                for (RawConnection c : stalled) {
                    c.close();
                }
            }
            assertThat(serve.stop()).isIn(0, 143);
        }
    }
}
