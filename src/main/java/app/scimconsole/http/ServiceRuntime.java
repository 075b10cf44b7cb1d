package app.scimconsole.http;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.domains.DomainService;
import app.scimconsole.service.AdminCredentials;
import app.scimconsole.service.AdminService;
import app.scimconsole.service.Closer;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.service.ServiceCore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The whole service on one database (a SQLite data folder, or PostgreSQL shared by several instances), as
 * {@code serve} and the embedded console run it: the directory, the
 * domain service with its re-check schedule, the SCIM listener for Entra and the admin listener for the
 * console. Closing it stops them in reverse order.
 */
public final class ServiceRuntime implements AutoCloseable {
    /** Where the admin API listens; port 0 picks a free one (the embedded console's case). */
    public record AdminListen(String bind, int port) {
        public static AdminListen loopbackAnyPort() {
            return new AdminListen(AdminServer.DEFAULT_BIND, 0);
        }
    }

    private final ServiceCore core;
    private final AdminService admin;
    private final String adminCredential;
    private final Closer closer;
    private final ScimServer server;
    private final AdminServer adminServer;

    private ServiceRuntime(ServiceCore core, AdminService admin, String adminCredential, ScimServer server,
            AdminServer adminServer, Closer closer) {
        this.core = core;
        this.admin = admin;
        this.adminCredential = adminCredential;
        this.server = server;
        this.adminServer = adminServer;
        this.closer = closer;
    }

    /** The embedded case: the admin API on a free loopback port. */
    public static ServiceRuntime start(SqlDirectory directory, ServiceConfig config, String dnsServer, Clock clock)
            throws IOException {
        return start(directory, config, AdminListen.loopbackAnyPort(), dnsServer, clock);
    }

    /**
     * Starts the service on an open directory, which it then owns (and closes, also when starting fails).
     * {@code dnsServer} (HOST:PORT, may be null) sends every DNS query to that one server.
     */
    public static ServiceRuntime start(SqlDirectory directory, ServiceConfig config, AdminListen adminListen,
            String dnsServer, Clock clock) throws IOException {
        return start(directory, config, adminListen, dnsServer, clock, KeySetAddress.fromEnvironment());
    }

    /** As above, fetching federation trusts' signing keys only from addresses {@code keysPolicy} accepts. */
    public static ServiceRuntime start(SqlDirectory directory, ServiceConfig config, AdminListen adminListen,
            String dnsServer, Clock clock, KeySetAddress keysPolicy) throws IOException {
        Closer closer = new Closer();
        closer.add(directory);
        try {
            ServiceCore core = closer.add(new ServiceCore(directory, dnsServer, clock, keysPolicy));
            ScimServer server = closer.add(ScimServer.start(config, core));
            AdminService admin = core.admin(server.config()::tenantUrl, server.config()::tokenEndpoint,
                    server.config()::eventsUrl);
            String credential = core.adminCredentials().issueEphemeral();
            AdminServer adminServer = closer.add(AdminServer.start(adminListen.bind(), adminListen.port(), config.tls(),
                    admin, core.adminCredentials(), core.storageFaults()));
            core.startRechecks(Duration.ofMinutes(1));
            core.startHistoryPurge(Duration.ofHours(1));
            core.startWaitingEventsPass(Duration.ofSeconds(5));
            core.startWebhookDelivery(server.config()::tenantUrl, new WebhookPoster(core.webhookPolicy()),
                    Duration.ofSeconds(1));
            return new ServiceRuntime(core, admin, credential, server, adminServer, closer);
        } catch (IOException | RuntimeException e) {
            closer.close();
            throw e;
        }
    }

    public SqlDirectory directory() {
        return core.directory();
    }

    public DomainService domains() {
        return core.domains();
    }

    public ServiceCore core() {
        return core;
    }

    public ScimServer server() {
        return server;
    }

    /** The admin operations in-process (the same object the admin API serves). */
    public AdminService admin() {
        return admin;
    }

    public AdminCredentials adminCredentials() {
        return core.adminCredentials();
    }

    /** The admin API's base URL, e.g. {@code http://127.0.0.1:8090/admin/v1}. */
    public String adminUrl() {
        return adminServer.url();
    }

    /** This process's admin credential, for the embedded console; never stored, gone when the process ends. */
    public String adminCredential() {
        return adminCredential;
    }

    @Override
    public void close() {
        closer.close();
    }
}
