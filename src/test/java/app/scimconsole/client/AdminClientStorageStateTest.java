package app.scimconsole.client;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.MappingCoverage;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminJson;
import app.scimconsole.admin.Reason;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The light read of the storage's state against a service older than it (issue 21): such a service answers 404, as
 * for any operation it does not know, and the client asks for its overview instead, which says the same. A real HTTP
 * server on loopback answers as that older service's admin API did.
 */
class AdminClientStorageStateTest {
    private HttpServer older;

    @AfterEach
    void stop() {
        if (older != null) {
            older.stop(0);
        }
    }

    @Test
    void aServiceWithoutTheLightReadIsAskedForItsOverview() throws Exception {
        Reason full = new Reason("storage.FULL", List.of("/srv/scim", "4096"));
        Overview overview = new Overview("t1", "https://scim.example.com/scim/v2/t1", true, null, null, null, 3, 0, 0,
                0, new MappingCoverage(3, 3, 3, 0, 3, 0), List.of(), List.of(), full);
        List<String> asked = new ArrayList<>();
        older = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        older.createContext("/admin/v1/", ex -> {
            try (ex) {
                asked.add(ex.getRequestURI().getPath());
                boolean known = ex.getRequestURI().getPath().equals("/admin/v1/overview");
                byte[] body = known ? AdminJson.MAPPER.writeValueAsBytes(overview)
                        : "{\"status\":\"404\",\"detail\":\"No such admin operation.\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(known ? 200 : 404, body.length);
                ex.getResponseBody().write(body);
            }
        });
        older.start();
        AdminClient client = new AdminClient("http://127.0.0.1:" + older.getAddress().getPort() + "/admin/v1",
                "credential");

        assertThat(client.storageState().outage()).isEqualTo(full);
        assertThat(asked).containsExactly("/admin/v1/storage", "/admin/v1/overview");
    }
}
