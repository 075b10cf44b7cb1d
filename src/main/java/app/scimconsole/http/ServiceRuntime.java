package app.scimconsole.http;

import app.scimconsole.service.AdminCredentials;
import app.scimconsole.service.AdminService;
import app.scimconsole.service.Closer;
import app.scimconsole.service.DomainRechecker;
import app.scimconsole.service.TrafficTracker;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.domains.DnsChecker;
import app.scimconsole.domains.DomainService;
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

    private final SqlDirectory directory;
    private final DomainService domains;
    private final AdminService admin;
    private final AdminCredentials adminCredentials;
    private final String adminCredential;
    private final Closer closer;
    private final ScimServer server;
    private final AdminServer adminServer;

    private ServiceRuntime(SqlDirectory directory, DomainService domains, AdminService admin,
            AdminCredentials adminCredentials, String adminCredential, ScimServer server, AdminServer adminServer,
            Closer closer) {
        this.directory = directory;
        this.domains = domains;
        this.admin = admin;
        this.adminCredentials = adminCredentials;
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
        Closer closer = new Closer();
        closer.add(directory);
        try {
            DomainService domains = domainService(directory, dnsServer, clock);
            TrafficTracker traffic = new TrafficTracker();
            ScimServer server = closer.add(ScimServer.start(config, directory, domains::isVerified, directory::healthy,
                    traffic, clock));
            AdminService admin = new AdminService(directory, domains, server.config(), traffic, clock);
            AdminCredentials credentials = new AdminCredentials(directory.dataSource(), clock);
            String credential = credentials.issueEphemeral();
            AdminServer adminServer = closer.add(AdminServer.start(adminListen.bind(), adminListen.port(), config.tls(), admin, credentials));
            closer.add(DomainRechecker.start(domains, clock, Duration.ofMinutes(1)));
            return new ServiceRuntime(directory, domains, admin, credentials, credential, server, adminServer, closer);
        } catch (IOException | RuntimeException e) {
            closer.close();
            throw e;
        }
    }

    /** The domain service of a directory: checks go to {@code dnsServer} when given, else to real DNS. */
    public static DomainService domainService(SqlDirectory directory, String dnsServer, Clock clock) {
        DnsChecker checker = dnsServer == null || dnsServer.isBlank() ? DnsChecker.usingSystemResolver()
                : DnsChecker.usingServer(dnsServer);
        return new DomainService(directory.domainRecords(), checker.withClock(clock), clock);
    }

    public SqlDirectory directory() {
        return directory;
    }

    public DomainService domains() {
        return domains;
    }

    public ScimServer server() {
        return server;
    }

    /** The admin operations in-process (the same object the admin API serves). */
    public AdminService admin() {
        return admin;
    }

    public AdminCredentials adminCredentials() {
        return adminCredentials;
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
