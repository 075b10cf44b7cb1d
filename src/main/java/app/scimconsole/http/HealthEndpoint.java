package app.scimconsole.http;

import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz} on the SCIM listener, for a load balancer in front of several instances: 200 while
 * the database answers, 503 when it does not (and, like every path, 503 while the instance shuts down). No
 * credentials, and it says nothing about tenants.
 */
final class HealthEndpoint implements Endpoint {
    static final String PATH = "/healthz";

    private final BooleanSupplier healthy;

    HealthEndpoint(BooleanSupplier healthy) {
        this.healthy = healthy;
    }

    @Override
    public void answer(Exchange ex) {
        boolean head = ex.method().equals("HEAD");
        if (!ex.rawPath().equals(PATH)) {
            ex.send(404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
        } else if (!ex.method().equals("GET") && !head) {
            ex.setHeader("Allow", "GET, HEAD");
            ex.send(405, "text/plain", "GET or HEAD\n".getBytes(StandardCharsets.UTF_8));
        } else if (healthy.getAsBoolean()) {
            ex.send(200, "text/plain", (head ? "" : "ok\n").getBytes(StandardCharsets.UTF_8));
        } else {
            ex.send(503, "text/plain", (head ? "" : "database unavailable\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
