package app.scimconsole.server;

import app.scimconsole.client.AdminApi;
import java.io.IOException;
import java.util.Map;

/** The console's admin API on its own listener, on loopback unless configured otherwise. */
public final class AdminServer implements AutoCloseable {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8090;
    private static final Listener.Workers WORKERS = new Listener.Workers(4, 32);

    private final Listener listener;
    private final String url;

    private AdminServer(Listener listener, String url) {
        this.listener = listener;
        this.url = url;
    }

    public static AdminServer start(String bind, int port, AdminApi api, AdminCredentials credentials) throws IOException {
        Listener listener = Listener.start(bind, port, WORKERS, null, "admin-http",
                p -> Map.of(AdminEndpoint.PREFIX, new AdminEndpoint(api, credentials)),
                "Nothing here. The admin API is at " + AdminEndpoint.PREFIX);
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return new AdminServer(listener, "http://" + host + ":" + listener.port() + AdminEndpoint.PREFIX.substring(0,
                AdminEndpoint.PREFIX.length() - 1));
    }

    /** The admin API's base URL, e.g. {@code http://127.0.0.1:8090/admin/v1}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        listener.close();
    }
}
