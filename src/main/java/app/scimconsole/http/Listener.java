package app.scimconsole.http;

import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.ScimException;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;

/**
 * One listening socket of the JDK HTTP server (HTTPS when given a TLS context) with its own worker threads and
 * bounded queue, handlers by path prefix, a JSON 404 for every other path, and a graceful close that lets
 * answers under way finish.
 */
final class Listener implements AutoCloseable {
    static {
        HttpServerTuning.applyDefaults();
    }

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final int BACKLOG = 128;

    /** Worker threads, and how many requests may wait for one before the rest are refused with 503. */
    record Workers(int threads, int queueCapacity) {
    }

    private final HttpServer http;
    private final WorkerPool workers;
    private final InFlightRequests inFlight;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Listener(HttpServer http, WorkerPool workers, InFlightRequests inFlight) {
        this.http = http;
        this.workers = workers;
        this.inFlight = inFlight;
    }

    /**
     * Binds, then asks {@code handlers} for the handlers by path prefix given the bound port (port 0 picks a
     * free one, and handlers need the real one for their URLs), then starts accepting. Every other path is answered
     * with {@code notFound}.
     */
    static Listener start(String bind, int port, Workers sizing, SSLContext tls, String name,
            IntFunction<Map<String, HttpHandler>> handlers, ScimException notFound) throws IOException {
        HttpServer http = create(new InetSocketAddress(bind, port), tls);
        WorkerPool workers = new WorkerPool(name, sizing.threads(), sizing.queueCapacity());
        http.setExecutor(workers);
        InFlightRequests inFlight = new InFlightRequests();
        LoadShedding shedding = new LoadShedding();
        handlers.apply(http.getAddress().getPort()).forEach((prefix, handler) -> {
            HttpContext context = http.createContext(prefix, handler);
            context.getFilters().add(shedding);
            context.getFilters().add(inFlight);
        });
        http.createContext("/", exchange -> {
            Exchange ex = new Exchange(exchange, 0);
            try {
                ex.sendJson(notFound.status(), ErrorResponses.of(notFound));
            } finally {
                ex.close();
            }
        }).getFilters().add(shedding);
        http.start();
        return new Listener(http, workers, inFlight);
    }

    private static HttpServer create(InetSocketAddress address, SSLContext tls) throws IOException {
        if (tls == null) {
            return HttpServer.create(address, BACKLOG);
        }
        HttpsServer https = HttpsServer.create(address, BACKLOG);
        https.setHttpsConfigurator(new EntraTlsPolicy(tls));
        return https;
    }

    int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        inFlight.drain(SHUTDOWN_GRACE);
        http.stop(0);
        workers.close();
    }
}
