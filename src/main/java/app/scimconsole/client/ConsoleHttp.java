package app.scimconsole.client;

import app.scimconsole.http.OutboundHttp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.HttpClient;

/**
 * The console's HTTP clients, one per connect time-out (a client's, not a request's, in Jetty), shared by every admin
 * client and connection test and started on first use: a client per admin client would start threads of its own for
 * each connection the console makes.
 */
final class ConsoleHttp {
    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private ConsoleHttp() {
    }

    static HttpClient connectingWithin(Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(connectTimeout, t -> OutboundHttp.started("console-http-" + t.toMillis() + "ms",
                t, UnaryOperator.identity()));
    }
}
