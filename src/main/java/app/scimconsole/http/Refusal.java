package app.scimconsole.http;

import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * A 503 sent before any handler runs (the service is draining or its queue is full): a SCIM error body, a
 * {@code Retry-After} so that Entra comes back, and the connection closed so the request body need not be read.
 */
final class Refusal {
    private Refusal() {
    }

    static void serviceUnavailable(HttpExchange exchange, int retryAfterSeconds, ScimProblem why) throws IOException {
        byte[] body = Json.bytes(ErrorResponses.of(new ScimException(why)));
        exchange.getResponseHeaders().set("Content-Type", Exchange.SCIM_JSON + "; charset=utf-8");
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(503, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
