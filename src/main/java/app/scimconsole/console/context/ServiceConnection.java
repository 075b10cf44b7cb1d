package app.scimconsole.console.context;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.client.AdminClient;
import app.scimconsole.console.common.Problems.PlainException;
import app.scimconsole.directory.DataFolder;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.domains.DnsChecker;
import app.scimconsole.http.AccessLog;
import app.scimconsole.http.SavedServiceConfig;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceRuntime;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The service the console talks to: the embedded one it runs itself, or a remote {@code serve}. Either way the
 * console reads and writes through {@link #api()} (the admin API over HTTP); only the live DNS view uses
 * {@link #dnsChecker()} directly. Opening and closing block: call them off the FX thread.
 */
public final class ServiceConnection implements AutoCloseable {
    /** The embedded service's access log, a file a day, in this folder of the data folder. */
    public static final String ACCESS_LOG_FOLDER = "logs";

    private final ConsoleSettings.Mode mode;
    private final AdminApi api;
    private final String location;
    private final ServiceRuntime runtime;
    private final DnsChecker dnsChecker;

    private ServiceConnection(ConsoleSettings.Mode mode, AdminApi api, String location, ServiceRuntime runtime,
            DnsChecker dnsChecker) {
        this.mode = mode;
        this.api = api;
        this.location = location;
        this.runtime = runtime;
        this.dnsChecker = dnsChecker;
    }

    /**
     * Starts the service in this process on {@code dataFolder}. {@code config} overrides the saved service settings
     * (tests: port 0); {@code dnsServer} (HOST:PORT or null) receives every DNS query, the service's and the
     * console's live checks alike.
     */
    public static ServiceConnection embedded(Path dataFolder, ServiceConfig config, String dnsServer, Clock clock) {
        ServiceConfig effective;
        try {
            DataFolder.ensure(dataFolder);
            effective = (config != null ? config : SavedServiceConfig.load(dataFolder))
                    .withAccessLog(AccessLog.dailyFilesIn(dataFolder.resolve(ACCESS_LOG_FOLDER)));
        } catch (IOException e) {
            throw new PlainException("The data folder " + dataFolder + " cannot be used: " + e.getMessage(),
                    "connection.problem.dataFolder", dataFolder.toString(), String.valueOf(e.getMessage()));
        }
        ServiceRuntime runtime;
        try {
            runtime = ServiceRuntime.start(SqliteDirectory.open(dataFolder), effective, dnsServer, clock);
        } catch (BindException e) {
            throw new PlainException("Port " + effective.port() + " on " + effective.bindAddress() + " is already in "
                    + "use. Is SCIM Console (or its serve command) already running on this computer? Close it, or "
                    + "connect to it as a remote service.", "connection.problem.portInUse",
                    String.valueOf(effective.port()), effective.bindAddress());
        } catch (IOException | RuntimeException e) {
            throw new PlainException("The embedded service could not start: " + e.getMessage(),
                    "connection.problem.embeddedFailed", String.valueOf(e.getMessage()));
        }
        try {
            AdminApi api = new AdminClient(runtime.adminUrl(), runtime.adminCredential());
            DnsChecker dns = dnsServer == null || dnsServer.isBlank() ? DnsChecker.usingSystemResolver()
                    : DnsChecker.usingServer(dnsServer);
            return new ServiceConnection(ConsoleSettings.Mode.EMBEDDED, api, runtime.server().config().baseUrl(),
                    runtime, dns.withClock(clock));
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * Connects to a {@code serve} elsewhere and checks the URL and credential with one call, a light one (the
     * overview would count every user's attributes).
     */
    public static ServiceConnection remote(String adminUrl, String credential, DnsChecker dnsChecker) {
        if (adminUrl == null || adminUrl.isBlank()) {
            throw new PlainException("Enter the admin URL that serve printed, for example http://10.0.0.5:8089/admin/v1.",
                    "connection.problem.noAdminUrl");
        }
        AdminApi api = new AdminClient(adminUrl, credential == null ? "" : credential.strip());
        api.storageState();
        return new ServiceConnection(ConsoleSettings.Mode.REMOTE, api, adminUrl.strip(), null, dnsChecker);
    }

    /** For view tests and other embedders: any {@link AdminApi}. */
    public static ServiceConnection of(ConsoleSettings.Mode mode, AdminApi api, String location, DnsChecker dns) {
        return new ServiceConnection(mode, api, location, null, dns);
    }

    public ConsoleSettings.Mode mode() {
        return mode;
    }

    public AdminApi api() {
        return api;
    }

    /** Where the service is: the embedded service's base URL, or the remote admin URL. */
    public String location() {
        return location;
    }

    public DnsChecker dnsChecker() {
        return dnsChecker;
    }

    /** The in-process service, when embedded. */
    public Optional<ServiceRuntime> runtime() {
        return Optional.ofNullable(runtime);
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
