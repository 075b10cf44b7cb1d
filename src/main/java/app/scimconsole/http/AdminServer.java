package app.scimconsole.http;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import app.scimconsole.service.AdminCredentials;
import app.scimconsole.service.SignInThrottle;
import app.scimconsole.service.StorageFaults;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** The console's admin API on its own listener, on loopback unless configured otherwise. */
public final class AdminServer implements AutoCloseable {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8090;
    private static final int MAX_BODY = 64 * 1024;
    private static final Listener.Sizing SIZING = new Listener.Sizing(4, 32, ServiceLimits.DEFAULT_IDLE_TIMEOUT,
            ServiceLimits.DEFAULT_MIN_BODY_BYTES_PER_SECOND, BodyBudget.PROCESS);

    private final Listener listener;
    private final String url;

    private AdminServer(Listener listener, String url) {
        this.listener = listener;
        this.url = url;
    }

    /**
     * Starts the admin listener. Off loopback the admin credential would cross the network, so a non-loopback
     * address is refused unless {@code tls} is given (the same keystore as the SCIM listener's).
     */
    public static AdminServer start(String bind, int port, SSLContext tls, AdminApi api, AdminCredentials credentials)
            throws IOException {
        return start(bind, port, tls, api, credentials, new StorageFaults(Clock.systemUTC()));
    }

    /** {@code storageFaults}: how an outage of the store is answered and logged, shared with the SCIM listener. */
    public static AdminServer start(String bind, int port, SSLContext tls, AdminApi api, AdminCredentials credentials,
            StorageFaults storageFaults) throws IOException {
        if (tls == null && !isLoopback(bind)) {
            throw new IllegalArgumentException("The admin API may listen on " + bind + " only over HTTPS: give "
                    + "--tls-keystore too, or keep it on 127.0.0.1 and reach it through an SSH tunnel.");
        }
        Listener listener = Listener.start(PortInUse.Which.ADMIN, bind, port, SIZING, tls, "admin-http", MAX_BODY,
                p -> Map.of(AdminEndpoint.PREFIX, new AdminEndpoint(api, credentials,
                        new SignInThrottle(System::nanoTime), storageFaults)),
                new ScimException(ScimProblem.NOTHING_HERE_ADMIN, AdminEndpoint.PREFIX), null);
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return new AdminServer(listener, (tls == null ? "http://" : "https://") + host + ":" + listener.port() + AdminEndpoint.PREFIX.substring(0,
                AdminEndpoint.PREFIX.length() - 1));
    }

    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
