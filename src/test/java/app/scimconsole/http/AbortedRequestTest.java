package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.TenantAdmin;
import app.scimconsole.testing.ServeProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A client that gives up half-way costs the operator one line in the service log, not a stack trace. */
@Timeout(90)
class AbortedRequestTest {
    @TempDir
    Path root;

    @Test
    void aRequestAbortedMidBodyIsLoggedAsOneLine() throws Exception {
        Path data = root.resolve("data");
        String token;
        try (SqliteDirectory directory = SqliteDirectory.open(data)) {
            token = new TenantAdmin(directory, Clock.systemUTC()).enable().secretToken();
        }
        try (ServeProcess serve = ServeProcess.start(data)) {
            URI tenant = URI.create(serve.tenantUrl());
            RawConnection gaveUp = new RawConnection(tenant.getPort()).write("POST " + tenant.getPath()
                    + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/scim+json\r\nContent-Length: 100\r\n\r\n{\"userName");
            Thread.sleep(300);
            gaveUp.abort();
            RawConnection impatient = new RawConnection(tenant.getPort()).write("GET " + tenant.getPath()
                    + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n");
            impatient.abort(); // before its answer is read
            assertThat(new HttpJson(serve.tenantUrl(), token).get("/Users").status()).isEqualTo(200);
            assertThat(serve.stop()).isIn(0, 143);

            List<String> log = serve.stderr().lines().toList();
            assertThat(log).filteredOn(line -> line.contains(tenant.getPath() + "/Users")).singleElement()
                    .satisfies(line -> assertThat(line).contains("POST").contains("stopped after 10 bytes"));
            assertThat(log).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        }
    }
}
