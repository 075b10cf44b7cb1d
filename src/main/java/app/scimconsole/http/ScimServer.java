package app.scimconsole.http;

import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import app.scimconsole.service.ServiceCore;
import app.scimconsole.service.SignInThrottle;
import java.io.IOException;
import java.util.Map;

/** The SCIM endpoint that Entra calls, on its own listener. */
public final class ScimServer implements AutoCloseable {
    private final Listener listener;
    private final ServiceConfig config;

    private ScimServer(Listener listener, ServiceConfig config) {
        this.listener = listener;
        this.config = config;
    }

    /**
     * Starts listening for {@code core}'s tenants; port 0 picks a free port, which {@link #config()} then reports.
     * {@code GET /healthz} answers 200 while the database answers (else 503); the tenants' event feeds are under
     * {@code /events/v1/}.
     */
    public static ScimServer start(ServiceConfig requested, ServiceCore core) throws IOException {
        Listener listener = Listener.start(PortInUse.Which.SCIM, requested.bindAddress(), requested.port(),
                new Listener.Sizing(requested.threads(), requested.limits().queueCapacity(),
                        requested.limits().idleTimeout(), requested.limits().minBodyBytesPerSecond(),
                        requested.limits().bodyBudget()),
                requested.tls(), "scim-http", requested.maxBodyBytes(),
                port -> endpoints(core, requested.withPort(port)),
                new ScimException(ScimProblem.NOTHING_HERE_SCIM, ScimEndpoint.PREFIX),
                requested.accessLog() == null ? null : requested.accessLog().requestLog(), requested.trustedProxies());
        return new ScimServer(listener, requested.withPort(listener.port()));
    }

    private static Map<String, Endpoint> endpoints(ServiceCore core, ServiceConfig config) {
        OAuthEndpoint oauth = new OAuthEndpoint(core.tokenIssuer(), config);
        return Map.of(ScimEndpoint.PREFIX, new ScimEndpoint(core.access(), core.provisioning(), core.storageFaults(),
                        config),
                EventsEndpoint.PREFIX, new EventsEndpoint(core.eventFeed(config::tenantUrl),
                        new SignInThrottle(System::nanoTime)),
                HealthEndpoint.PATH, new HealthEndpoint(core::healthy),
                OAuthEndpoint.PREFIX, oauth,
                OAuthEndpoint.METADATA_PREFIX, oauth);
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
        listener.close();
    }
}
