package app.scimconsole.http;

import app.scimconsole.service.TrafficTracker;
import app.scimconsole.service.VerifiedDomains;

import app.scimconsole.directory.Directory;
import app.scimconsole.scim.ScimException;
import app.scimconsole.scim.ScimProblem;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The SCIM endpoint that Entra calls, on its own listener. */
public final class ScimServer implements AutoCloseable {
    private final Listener listener;
    private final ServiceConfig config;

    private ScimServer(Listener listener, ServiceConfig config) {
        this.listener = listener;
        this.config = config;
    }

    /** Starts listening; port 0 picks a free port, which {@link #config()} then reports. */
    public static ScimServer start(ServiceConfig requested, Directory directory, VerifiedDomains domains, Clock clock)
            throws IOException {
        return start(requested, directory, domains, () -> true, new TrafficTracker(), clock);
    }

    /**
     * As above, with {@code GET /healthz} answering 200 while {@code healthy} says the database answers (else 503),
     * and Entra's requests counted into {@code traffic}.
     */
    public static ScimServer start(ServiceConfig requested, Directory directory, VerifiedDomains domains,
            BooleanSupplier healthy, TrafficTracker traffic, Clock clock) throws IOException {
        Listener listener = Listener.start(requested.bindAddress(), requested.port(),
                new Listener.Workers(requested.threads(), requested.limits().queueCapacity()), requested.tls(), "scim-http",
                port -> Map.of(ScimEndpoint.PREFIX, new ScimEndpoint(directory, domains, requested.withPort(port), traffic, clock),
                        HealthEndpoint.PATH, new HealthEndpoint(healthy)),
                new ScimException(ScimProblem.NOTHING_HERE_SCIM, ScimEndpoint.PREFIX));
        return new ScimServer(listener, requested.withPort(listener.port()));
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
