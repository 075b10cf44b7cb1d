package app.scimconsole.server;

import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.domains.DnsChecker;
import app.scimconsole.domains.DomainService;
import app.scimconsole.domains.DomainStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The whole service of one data folder, as {@code serve} and the embedded console run it: the directory, the
 * domain service with its re-check schedule, and the HTTP server. Closing it stops them in reverse order.
 */
public final class ServiceRuntime implements AutoCloseable {
    private final SqliteDirectory directory;
    private final DomainService domains;
    private final DomainRechecker rechecker;
    private final ScimServer server;

    private ServiceRuntime(SqliteDirectory directory, DomainService domains, DomainRechecker rechecker, ScimServer server) {
        this.directory = directory;
        this.domains = domains;
        this.rechecker = rechecker;
        this.server = server;
    }

    /**
     * Starts the service on an open directory, which it then owns. {@code dnsServer} (HOST:PORT, may be null)
     * sends every DNS query to that one server.
     */
    public static ServiceRuntime start(SqliteDirectory directory, ServiceConfig config, String dnsServer, Clock clock)
            throws IOException {
        DomainService domains = domainService(directory, dnsServer, clock);
        ScimServer server = null;
        DomainRechecker rechecker = null;
        try {
            server = ScimServer.start(config, directory, domains::isVerified, clock);
            rechecker = DomainRechecker.start(domains, clock, Duration.ofMinutes(1));
            return new ServiceRuntime(directory, domains, rechecker, server);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            directory.close();
            throw e;
        }
    }

    /** The domain service of a directory: checks go to {@code dnsServer} when given, else to real DNS. */
    public static DomainService domainService(SqliteDirectory directory, String dnsServer, Clock clock) {
        DnsChecker checker = dnsServer == null || dnsServer.isBlank() ? DnsChecker.usingSystemResolver()
                : DnsChecker.usingServer(dnsServer);
        return new DomainService(new DomainStore(directory.dataSource()), checker.withClock(clock), clock);
    }

    public SqliteDirectory directory() {
        return directory;
    }

    public DomainService domains() {
        return domains;
    }

    public ScimServer server() {
        return server;
    }

    @Override
    public void close() {
        rechecker.close();
        server.close();
        directory.close();
    }
}
