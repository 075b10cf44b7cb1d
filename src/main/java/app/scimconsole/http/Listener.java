package app.scimconsole.http;

import app.scimconsole.scim.ScimException;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * One listening socket on Jetty (HTTPS when given a TLS context), in front of endpoints by path prefix.
 *
 * <p>Jetty reads request lines, headers and (through {@link WholeBody}) bodies without holding a thread, so clients
 * that stall half-way hold only a connection, which the idle timeout or the minimum data rate closes. Only a request
 * that has fully arrived takes one of {@code concurrency} places ({@link QoSHandler}); up to {@code queueCapacity}
 * more wait for one, and beyond that a request is answered 503 at once. Closing lets requests in flight finish
 * ({@link GracefulHandler}), telling new ones 503.
 */
final class Listener implements AutoCloseable {
    /** How long requests in flight may take to finish when the listener closes. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** How long a request that has arrived may wait for a place before it is answered 503. */
    static final Duration MAX_QUEUED = Duration.ofSeconds(30);
    /** Request line and headers together; real requests carry a dozen small headers and a filter. */
    static final int MAX_REQUEST_HEAD = 16 * 1024;
    static final int MAX_CONNECTIONS = 1000;
    private static final int BACKLOG = 128;
    /** Jetty's own threads besides the request handlers: acceptor, selectors, and a margin for their tasks. */
    private static final int JETTY_THREADS = 8;
    /**
     * Jetty's default, but letting an encoded control character ({@code %01}, {@code %1F}) in a path through to the
     * routes: SCIM answers a path that names nothing with a 404 of its own (RFC 7644 §3.12), and logs it for the
     * tenant whose token came with it; Jetty would answer a bare 400 before any tenant is known. ({@code %00} Jetty
     * refuses whatever the compliance: {@link ErrorAnswers#NUL_IN_PATH}.) Jetty guards
     * against such characters because a file system could read them; no path here reaches one, ids and tenants are
     * looked up only as text that can be stored ({@code StorableText}).
     */
    static final UriCompliance SCIM_PATHS = UriCompliance.DEFAULT.with("SCIM_PATHS",
            UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);

    /**
     * Requests answered at once, and how many may wait for a place. Connections idle for {@code idleTimeout} (no byte
     * received or sent) are closed, and so is a request body arriving slower than {@code minBodyBytesPerSecond}.
     * The bodies being read are kept within {@code bodies}.
     */
    record Sizing(int concurrency, int queueCapacity, Duration idleTimeout, long minBodyBytesPerSecond,
            BodyBudget bodies) {
    }

    private final Server server;
    private final ServerConnector connector;

    private Listener(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Binds, then asks {@code endpoints} for the endpoints by path prefix given the bound port (port 0 picks a free
     * one, and endpoints need the real one for their URLs), then starts accepting. Every other path is answered with
     * {@code notFound}; {@code maxBodyBytes} bounds every request body. The SCIM listener ({@code role}) also speaks
     * h2c; {@code accessLog} (may be null) logs each request; {@code customizers} see each request first.
     */
    static Listener start(PortInUse.Which role, String bind, int port, Sizing sizing, SSLContext tls, String name,
            int maxBodyBytes, IntFunction<Map<String, Endpoint>> endpoints, ScimException notFound,
            RequestLog accessLog, HttpConfiguration.Customizer... customizers) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(sizing.concurrency() + JETTY_THREADS, 4);
        threads.setName(name);
        threads.setDaemon(true);
        // Jetty's timer thread must not keep the process alive once everything else has stopped.
        Server server = new Server(threads, new ScheduledExecutorScheduler(name + "-timer", true), null);
        server.setStopTimeout(SHUTDOWN_GRACE.toMillis());
        server.setErrorHandler(new ErrorAnswers(maxBodyBytes, notFound));
        if (accessLog != null) {
            server.setRequestLog(accessLog);
        }

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_HEAD);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        if (role == PortInUse.Which.SCIM) {
            http.setUriCompliance(SCIM_PATHS);
        }
        for (HttpConfiguration.Customizer c : customizers) {
            http.addCustomizer(c);
        }
        ServerConnector connector = new ServerConnector(server, 1, 1,
                connectionFactories(http, tls, role == PortInUse.Which.SCIM));
        connector.setHost(bind);
        connector.setPort(port);
        connector.setAcceptQueueSize(BACKLOG);
        connector.setIdleTimeout(sizing.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        try {
            connector.open();
        } catch (IOException e) {
            if (e.getCause() instanceof BindException || e instanceof BindException) {
                throw new PortInUse(role, bind, port, e);
            }
            throw e;
        }

        QoSHandler places = new QoSHandler(new Routes(endpoints.apply(connector.getLocalPort()), notFound));
        places.setMaxRequestCount(sizing.concurrency());
        places.setMaxSuspendedRequestCount(sizing.queueCapacity());
        places.setMaxSuspend(MAX_QUEUED);
        Handler arrival = new WholeBody(maxBodyBytes, sizing.bodies(), new ErrorAnswers.Refusals(places));
        if (sizing.minBodyBytesPerSecond() > 0) {
            arrival = new MinimumDataRateHandler(arrival, sizing.minBodyBytesPerSecond(), 0);
        }
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(arrival);
        server.setHandler(graceful);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw e instanceof IOException io ? io
                    : new IOException("The listener could not start: " + e.getMessage(), e);
        }
        return new Listener(server, connector);
    }

    /**
     * HTTP/1.1, and on the SCIM port also HTTP/2 in clear text (h2c by prior knowledge, as proxies that speak it
     * start; {@link PriorKnowledgeH2c}); over TLS HTTP/1.1, which is what Entra speaks.
     */
    private static ConnectionFactory[] connectionFactories(HttpConfiguration http, SSLContext tls, boolean h2c) {
        if (tls == null) {
            HttpConnectionFactory http11 = new HttpConnectionFactory(http);
            return h2c ? new ConnectionFactory[] {http11, new PriorKnowledgeH2c(http)}
                    : new ConnectionFactory[] {http11};
        }
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The certificate names the public host; a client that reached us by another name (a test, a probe on
        // the machine itself) is still answered, as the JDK server did.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        return new ConnectionFactory[] {new SslConnectionFactory(EntraTlsPolicy.sslContextFactory(tls),
                HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(http)};
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Requests under way may finish for up to {@link #SHUTDOWN_GRACE}; new ones are told to retry. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // a listener that cannot stop cleanly has still stopped accepting; nothing more to do
        }
    }
}
