package app.scimconsole.http;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.service.TenantAdmin;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running service delivers webhooks on threads of its own: while the receiver hangs, Entra's writes are answered
 * all the same; once it answers, it gets every event of them, in order.
 */
class WebhookRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aReceiverThatHangsDoesNotSlowProvisioningAndThenGetsEveryEvent() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        List<String> ids = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ids.add(JSON.readTree(body).get("id").asText());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
        try (ServiceRuntime runtime = ServiceRuntime.start(SqliteDirectory.open(data),
                new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 4),
                ServiceRuntime.AdminListen.loopbackAnyPort(), null, Clock.systemUTC(), new KeySetAddress(true))) {
            TenantAdmin.Credentials credentials = new TenantAdmin(runtime.directory(), Clock.systemUTC()).enable();
            runtime.admin().addWebhook("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", null);
            HttpJson scim = new HttpJson(runtime.server().tenantUrl(credentials.tenantId()), credentials.secretToken());

            // had delivery been in the write's path, the first POST would wait for the hanging receiver
            for (int i = 0; i < 5; i++) {
                HttpJson.Response r = scim.post("/Groups", HttpJson.GROUP_JSON + "\"displayName\":\"G" + i + "\"}");
                assertThat(r.status()).as(r.text()).isEqualTo(201);
            }
            answer.countDown();

            while (runtime.admin().webhooks().get(0).backlog() > 0) {
                Thread.sleep(20); // pacing only: the wait ends on the condition
            }
            List<String> committed = new ArrayList<>();
            runtime.directory().events(credentials.tenantId(), 0, 100).forEach(e -> committed.add(Long.toString(e.id())));
            assertThat(committed).hasSize(5);
            assertThat(ids).containsSubsequence(committed);
            assertThat(ids.get(ids.size() - 1)).isEqualTo("5");
            assertThat(runtime.admin().webhooks().get(0).lastSuccessAt()).isNotNull();
        } finally {
            receiver.stop(0);
        }
    }
}
