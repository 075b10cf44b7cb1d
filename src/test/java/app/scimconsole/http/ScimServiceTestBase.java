package app.scimconsole.http;

import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DomainService;
import app.scimconsole.domains.TestDnsServer;
import app.scimconsole.service.TenantAdmin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service for a test: a SQLite file in a temp folder (or, in the *PostgresTest subclasses, a fresh
 * PostgreSQL database), the HTTP server on a free loopback port, a
 * real DNS server on loopback that publishes the challenge of {@code testuser.com}, which the tenant then
 * verifies through the real domain service. Tests talk to it over real HTTP.
 */
abstract class ScimServiceTestBase {
    static final String VERIFIED_DOMAIN = "testuser.com";

    @TempDir
    Path data;

    TestDnsServer dns;
    ServiceRuntime runtime;
    SqlDirectory directory;
    String tenantId;
    String tenantUrl;
    String token;
    HttpJson scim;

    @BeforeEach
    void startService() throws IOException {
        dns = TestDnsServer.start();
        dns.zone(VERIFIED_DOMAIN, 1, 300, 60);
        InetSocketAddress a = dns.address();
        runtime = ServiceRuntime.start(openDirectory(), serviceConfig(), a.getHostString() + ":" + a.getPort(),
                Clock.systemUTC());
        directory = runtime.directory();
        TenantAdmin.Credentials credentials = new TenantAdmin(directory, Clock.systemUTC()).enable();
        tenantId = credentials.tenantId();
        token = credentials.secretToken();
        tenantUrl = runtime.server().tenantUrl(tenantId);
        scim = new HttpJson(tenantUrl, token);
        verify(VERIFIED_DOMAIN);
    }

    /** The database under test: SQLite in the temp folder; the *PostgresTest subclasses use PostgreSQL. */
    SqlDirectory openDirectory() {
        return SqliteDirectory.open(data);
    }

    /**
     * The service under test: 8 threads, and a rate limit no functional test reaches (tests send faster than
     * Entra does); the tests of the limits themselves override this.
     */
    ServiceConfig serviceConfig() {
        return new ServiceConfig("127.0.0.1", 0, null, ServiceConfig.DEFAULT_MAX_BODY, 8)
                .withLimits(ServiceLimits.defaults().withRate(1_000_000, 1_000_000));
    }

    /** Registers the domain, publishes its TXT record on the test DNS server, and verifies it for the tenant. */
    void verify(String domain) {
        DomainService domains = runtime.domains();
        Challenge c = domains.add(tenantId, domain).challenge();
        dns.txt(c.recordName(), c.recordValue());
        if (!domains.verify(tenantId, domain).result().isVerified()) {
            throw new AssertionError("test setup: " + domain + " did not verify");
        }
    }

    @AfterEach
    void stopService() {
        if (runtime != null) {
            runtime.close();
        }
        if (dns != null) {
            dns.close();
        }
    }
}
