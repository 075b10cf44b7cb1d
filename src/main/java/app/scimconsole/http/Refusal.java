package app.scimconsole.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A 503 sent before any handler runs (the service is draining or its queue is full): a SCIM error body, a
 * {@code Retry-After} so that Entra comes back, and the connection closed so the request body need not be read.
 */
final class Refusal {
    private Refusal() {
    }

    static void serviceUnavailable(HttpExchange exchange, int retryAfterSeconds, String detail) throws IOException {
        byte[] body = ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"503\",\"detail\":\""
                + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", Exchange.SCIM_JSON + "; charset=utf-8");
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(503, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
