package app.scimconsole.server;

import app.scimconsole.directory.Directory;
import app.scimconsole.scim.ErrorResponses;
import app.scimconsole.scim.ScimException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The HTTP service: the SCIM endpoint for Entra, on the JDK's HTTP server. */
public final class ScimServer implements AutoCloseable {
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
    private final ServiceConfig config;
    private final InFlightRequests inFlight;

    private ScimServer(HttpServer http, ExecutorService executor, ServiceConfig config, InFlightRequests inFlight) {
        this.http = http;
        this.executor = executor;
        this.config = config;
        this.inFlight = inFlight;
    }

    /** Starts listening; port 0 picks a free port, which {@link #config()} then reports. */
    public static ScimServer start(ServiceConfig requested, Directory directory, VerifiedDomains domains, Clock clock)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(requested.bindAddress(), requested.port()), 128);
        ServiceConfig config = requested.withPort(http.getAddress().getPort());
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "scim-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        http.setExecutor(executor);
        InFlightRequests inFlight = new InFlightRequests();
        http.createContext(ScimEndpoint.PREFIX, new ScimEndpoint(directory, domains, config, clock))
                .getFilters().add(inFlight);
        http.createContext("/", exchange -> {
            Exchange ex = new Exchange(exchange, 0);
            try {
                ex.sendJson(404, ErrorResponses.of(ScimException.notFound(
                        "Nothing here. The SCIM tenant URL has the form " + config.baseUrl() + ScimEndpoint.PREFIX
                                + "<tenant id>.")));
            } finally {
                ex.close();
            }
        });
        http.start();
        return new ScimServer(http, executor, config, inFlight);
    }

    public ServiceConfig config() {
        return config;
    }

    public String tenantUrl(String tenantId) {
        return config.tenantUrl(tenantId);
    }

    /** Lets requests under way finish (new ones are told to retry), then stops. */
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
