package app.scimconsole.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback in front of a service's admin API: it passes every request on, unchanged, and
 * counts the reads of each operation ({@code GET <admin>/users}, whatever the query, is {@code users}), so that a test
 * can tell how often the console read a page or the overview. The console connects to {@link #adminUrl()} as to a
 * remote {@code serve}.
 */
final class CountingAdminProxy implements AutoCloseable {
    /** Headers the JDK's client sets itself (and refuses to be given), and hop-by-hop ones. */
    private static final Set<String> NOT_PASSED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "http2-settings", "te");

    private final URI target;
    private final String adminPath;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "counting-admin-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    /** In front of {@code adminUrl}, e.g. {@code http://127.0.0.1:41234/admin/v1}. */
    CountingAdminProxy(String adminUrl) throws IOException {
        target = URI.create(adminUrl);
        adminPath = target.getPath();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::pass);
        server.setExecutor(threads);
        server.start();
    }

    /** The admin URL to give the console: this proxy's, with the service's path. */
    String adminUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + adminPath;
    }

    /** How many times the users list was read since the start or the last {@link #reset()}. */
    int userPageReads() {
        return reads("users");
    }

    /** How many times {@code GET <admin>/<operation>} was asked since the start or the last {@link #reset()}. */
    int reads(String operation) {
        AtomicInteger n = reads.get(operation);
        return n == null ? 0 : n.get();
    }

    void reset() {
        reads.clear();
    }

    private void pass(HttpExchange ex) throws IOException {
        try (ex) {
            URI asked = ex.getRequestURI();
            if ("GET".equals(ex.getRequestMethod()) && asked.getPath().startsWith(adminPath + "/")) {
                reads.computeIfAbsent(asked.getPath().substring(adminPath.length() + 1), k -> new AtomicInteger())
                        .incrementAndGet();
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI to = URI.create(target.getScheme() + "://" + target.getRawAuthority() + asked.getRawPath()
                    + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery()));
            HttpRequest.Builder request = HttpRequest.newBuilder(to).timeout(Duration.ofSeconds(30))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
                if (!NOT_PASSED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    h.getValue().forEach(v -> request.header(h.getKey(), v));
                }
            }
            HttpResponse<byte[]> answer;
            try {
                answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
                return;
            }
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = answer.body();
            ex.sendResponseHeaders(answer.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
