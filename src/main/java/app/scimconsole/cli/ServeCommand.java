package app.scimconsole.cli;

import app.scimconsole.directory.Directory;
import app.scimconsole.directory.SqlDirectory;
import app.scimconsole.http.AccessLog;
import app.scimconsole.http.SavedServiceConfig;
import app.scimconsole.http.ScimServer;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceLimits;
import app.scimconsole.http.ServiceRuntime;
import app.scimconsole.http.TlsKeystore;
import app.scimconsole.http.TrustedProxies;
import app.scimconsole.service.TenantAdmin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: runs the service headless until stopped (SIGTERM or Ctrl-C stop it gracefully). */
@Command(name = "serve", description = "Run the provisioning service headless until stopped.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default 127.0.0.1, or the saved one).")
    String bind;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8089, or the saved one; 0 = any free port).")
    Integer port;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The HTTPS address Entra uses to reach this service (e.g. https://scim.example.com).")
    String publicUrl;

    @Option(names = "--admin-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address of the console's admin API (default 127.0.0.1: this machine only).")
    String adminBind;

    @Option(names = "--admin-port", paramLabel = "N", defaultValue = "8090",
            description = "Port of the console's admin API (default 8090; 0 = any free port).")
    int adminPort;

    @Option(names = "--dns-server", paramLabel = "HOST:PORT",
            description = "Send every DNS query of this process to this server, treated as the only authority.")
    String dnsServer;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with the certificate and key in this PKCS12 file (password from "
                    + TlsKeystore.PASSWORD_ENV + " or --tls-keystore-password-file).")
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password-file", paramLabel = "FILE",
            description = "File whose first line is the keystore password (never pass the password itself).")
    Path tlsPasswordFile;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "" + ServiceLimits.DEFAULT_RATE_PER_SECOND,
            description = "Requests per second each tenant may make, sustained (default 100; Entra needs 25).")
    double ratePerSecond;

    @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "" + ServiceLimits.DEFAULT_RATE_BURST,
            description = "Requests each tenant may make at once above the sustained rate (default 200).")
    int rateBurst;

    @Option(names = "--trusted-proxy", paramLabel = "ADDR/CIDR",
            description = "A reverse proxy whose Forwarded / X-Forwarded-For / X-Forwarded-Proto headers name the "
                    + "client (repeatable; default: this machine, 127.0.0.0/8 and ::1).")
    List<String> trustedProxies;

    @Override
    public Integer call() throws Exception {
        Path data = common.dataFolder();
        ServiceConfig saved = SavedServiceConfig.load(data);
        ServiceConfig requested = new ServiceConfig(bind != null ? bind : saved.bindAddress(),
                port != null ? port : saved.port(), publicUrl != null ? publicUrl : saved.publicUrl(),
                saved.maxBodyBytes(), saved.threads())
                .withLimits(ServiceLimits.defaults().withRate(ratePerSecond, rateBurst))
                .withAccessLog(AccessLog.toStandardOutput())
                .withTrustedProxies(trustedProxies == null ? TrustedProxies.loopback()
                        : TrustedProxies.of(trustedProxies));
        if (tlsPasswordFile != null && tlsKeystore == null) {
            throw new IllegalArgumentException("--tls-keystore-password-file needs --tls-keystore.");
        }
        if (requested.port() < 0 || requested.port() > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535.");
        }
        if (tlsKeystore != null) {
            requested = requested.withTls(TlsKeystore.load(tlsKeystore, TlsKeystore.password(tlsPasswordFile, System.getenv())));
        }
        if (bind != null || port != null && port != 0 || publicUrl != null) {
            SavedServiceConfig.save(data, requested);
        }
        Clock clock = Clock.systemUTC();
        SqlDirectory directory = common.openDirectory();
        Directory.Tenant tenant = new TenantAdmin(directory, clock).tenant();
        ServiceRuntime runtime = ServiceRuntime.start(directory, requested,
                new ServiceRuntime.AdminListen(adminBind, adminPort), dnsServer, clock);
        ScimServer server = runtime.server();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "scim-shutdown"));
        String tenantUrl = server.tenantUrl(tenant.id());
        String adminUrl = runtime.adminUrl();
        new Output(System.out, common.json).print(Output.object().put("tenantUrl", tenantUrl).put("adminUrl", adminUrl),
                "SCIM service listening on " + server.config().bindAddress() + ":" + server.config().port()
                        + (server.config().tls() != null ? " (HTTPS)" : "")
                        + "\nTenant URL: " + tenantUrl
                        + (tenant.scimEnabled() ? "" : "\nThe SCIM app is not enabled yet: run 'scim enable' to get a secret token.")
                        + "\nAdmin API:  " + adminUrl + " (issue a credential for a remote console with 'admin issue-credential')"
                        + "\nStop with Ctrl-C (or SIGTERM).");
        stopped.await();
        return 0;
    }
}
