package app.scimconsole.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits of the JDK HTTP server that only exist as system properties, read once when its first server class
 * loads. Each is set here only when the operator has not set it (with {@code -D...}), and before any server
 * exists: {@link Listener} applies them in its static initialiser.
 */
final class HttpServerTuning {
    /**
     * The defaults, and why:
     * <ul>
     * <li>nodelay: without TCP_NODELAY each keep-alive response waits ~40 ms for a delayed ACK (Nagle), which
     * caps a connection at ~22 requests/s, below the 25/s Entra needs.</li>
     * <li>maxReqTime 30 s: a request (headers and body) must arrive within it, so a client that stalls mid-request
     * cannot hold a worker thread for longer; a 1 MiB body needs far less even on a slow link.</li>
     * <li>maxRspTime 60 s: a client that stops reading its answer is cut off.</li>
     * <li>idleInterval 30 s, maxIdleConnections 100: keep-alive for Entra's stream of requests, bounded.</li>
     * <li>maxReqHeaders 100, maxReqHeaderSize 64 KiB: real requests carry a dozen small headers.</li>
     * <li>maxConnections 1000: stays under the usual 1024 open-file limit, so the database can still open files.</li>
     * </ul>
     */
    static final Map<String, String> DEFAULTS = defaults();

    private HttpServerTuning() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("sun.net.httpserver.nodelay", "true");
        d.put("sun.net.httpserver.maxReqTime", "30");
        d.put("sun.net.httpserver.maxRspTime", "60");
        d.put("sun.net.httpserver.idleInterval", "30");
        d.put("sun.net.httpserver.maxIdleConnections", "100");
        d.put("sun.net.httpserver.maxReqHeaders", "100");
        d.put("sun.net.httpserver.maxReqHeaderSize", Integer.toString(64 * 1024));
        d.put("jdk.httpserver.maxConnections", "1000");
        return Map.copyOf(d);
    }

    static void applyDefaults() {
        DEFAULTS.forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }
}
