package app.scimconsole.server;

import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.ScimException;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One listening socket of the JDK HTTP server with its own worker threads, handlers by path prefix, a JSON
 * 404 for every other path, and a graceful close that lets answers under way finish.
 */
final class Listener implements AutoCloseable {
    static {
        // Without TCP_NODELAY every reused keep-alive response waits ~40 ms for a delayed ACK (Nagle),
        // which caps one connection at ~22 requests/s, below the 25/s Entra needs. Read once, at class load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final HttpServer http;
    private final ExecutorService executor;
    private final InFlightRequests inFlight;

    private Listener(HttpServer http, ExecutorService executor, InFlightRequests inFlight) {
        this.http = http;
        this.executor = executor;
        this.inFlight = inFlight;
    }

    /**
     * Binds, then asks {@code handlers} for the handlers by path prefix given the bound port (port 0 picks a
     * free one, and handlers need the real one for their URLs), then starts accepting.
     */
    static Listener start(String bind, int port, int threads, String name,
            IntFunction<Map<String, HttpHandler>> handlers, String notFoundDetail) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 128);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        http.setExecutor(executor);
        InFlightRequests inFlight = new InFlightRequests();
        handlers.apply(http.getAddress().getPort()).forEach((prefix, handler) -> http.createContext(prefix, handler).getFilters().add(inFlight));
        http.createContext("/", exchange -> {
            Exchange ex = new Exchange(exchange, 0);
            try {
                ex.sendJson(404, ErrorResponses.of(ScimException.notFound(notFoundDetail)));
            } finally {
                ex.close();
            }
        });
        http.start();
        return new Listener(http, executor, inFlight);
    }

    int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        inFlight.drain(SHUTDOWN_GRACE);
        http.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
