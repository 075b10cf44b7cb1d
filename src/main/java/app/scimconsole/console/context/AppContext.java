package app.scimconsole.console.context;

import app.scimconsole.client.ConnectionTest;
import app.scimconsole.console.common.ClipboardService;
import app.scimconsole.console.common.FxConfirmer;
import app.scimconsole.console.common.FxScheduler;
import app.scimconsole.console.common.FxTaskRunner;
import app.scimconsole.console.common.I18n;
import app.scimconsole.console.common.StatusModel;
import app.scimconsole.console.common.Texts;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.ConsoleSettings;
import app.scimconsole.console.context.ServiceConnection;
import app.scimconsole.console.context.SettingsStore;
import app.scimconsole.domains.DnsChecker;
import java.io.File;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The console's shared parts, built once per window: settings, texts, the one executor for background work, the
 * status bar's model, the connection to the service and the shared overview. Pages get what they need from here.
 */
public final class AppContext implements AutoCloseable {
    private final ConsoleOptions options;
    private final SettingsStore settings;
    private final I18n i18n;
    private final StatusModel status = new StatusModel();
    private final ExecutorService executor;
    private final UiKit ui;
    private final ConnectionModel connection;
    private final OverviewModel overview;
    private final Supplier<Window> owner;
    private Function<FileChooser, File> saveDialog;
    private java.util.function.Consumer<String> navigator;
    private java.util.function.Consumer<String> browser = url -> {
        throw new IllegalStateException("No browser to open " + url);
    };

    public AppContext(ConsoleOptions options, SettingsStore settings, Supplier<Window> owner) {
        this.options = options;
        this.settings = settings;
        this.owner = owner;
        this.saveDialog = chooser -> chooser.showSaveDialog(owner.get());
        this.i18n = I18n.forLocale(locale(options, settings));
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "console-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ui = new UiKit(new FxTaskRunner(executor, status, i18n), status, new Texts(i18n, ZoneId.systemDefault()),
                options.clock(), ClipboardService.system(), new FxConfirmer(owner, i18n), new FxScheduler());
        this.connection = new ConnectionModel(ui, this::open);
        this.overview = new OverviewModel(ui, connection::api, options.pollInterval());
        connection.connectionProperty().addListener((o, was, now) -> {
            overview.clear();
            if (now != null) {
                overview.readWatched();
            }
        });
        status.idle(i18n.text("status.ready"));
    }

    /** The console's language: the one the owner chose in the settings, else the options' or the computer's. */
    public static Locale locale(ConsoleOptions options, SettingsStore settings) {
        String saved = settings.current().language();
        if (saved != null && !saved.isBlank()) {
            return Locale.forLanguageTag(saved);
        }
        return options.locale() != null ? options.locale() : Locale.getDefault();
    }

    private ServiceConnection open(ConsoleSettings.Connection c) {
        if (c.mode() == ConsoleSettings.Mode.REMOTE) {
            DnsChecker dns = options.dnsServer() == null ? DnsChecker.usingSystemResolver()
                    : DnsChecker.usingServer(options.dnsServer());
            settings.credentialPlace(); // at start: loads the credential from the store (or moves it there)
            String credential = c.adminCredential() != null ? c.adminCredential()
                    : settings.current().connection().adminCredential();
            return ServiceConnection.remote(c.remoteUrl(), credential, dns.withClock(options.clock()));
        }
        return ServiceConnection.embedded(options.dataFolder(), options.serviceConfig(), options.dnsServer(), options.clock());
    }

    /**
     * Entra's "Test connection", as the console runs it, tagged by the connected service so that the service does not
     * take it for Entra's traffic. Without a connected service it runs untagged: its answer is the same either way.
     */
    public ConnectionTest.Result testConnection(String tenantUrl, String token) {
        return new ConnectionTest(Duration.ofSeconds(10)).run(tenantUrl, token, testTag());
    }

    /**
     * Entra's "Test connection" for the OAuth 2.0 client credentials grant: an access token from the token endpoint,
     * then the tenant URL with it; tagged like {@link #testConnection}.
     */
    public ConnectionTest.Result testOAuthConnection(String tenantUrl, String tokenEndpoint, String clientId,
            String clientSecret) {
        return new app.scimconsole.client.OAuthConnectionTest(Duration.ofSeconds(10)).run(tenantUrl, tokenEndpoint,
                clientId, clientSecret, testTag());
    }

    /** What can be checked of workload identity federation without Entra's signature. */
    public ConnectionTest.Result testFederationConnection(String tenantUrl, String tokenEndpoint, String clientId) {
        return new app.scimconsole.client.OAuthConnectionTest(Duration.ofSeconds(10)).runFederation(tenantUrl,
                tokenEndpoint, clientId, testTag());
    }

    private String testTag() {
        try {
            return connection().api().connectionTestTag();
        } catch (RuntimeException notConnected) {
            return null; // untagged: the service, if it is one, counts the test as a request of Entra's
        }
    }

    /** Asks where to save a file (a FileChooser on the window); null when cancelled. */
    public File showSaveDialog(FileChooser chooser) {
        return saveDialog.apply(chooser);
    }

    /** Replaces the save dialog (tests: a native dialog cannot be driven headless). */
    public void setSaveDialog(Function<FileChooser, File> dialog) {
        this.saveDialog = dialog;
    }

    /** Shows a section of the main window by id (set by the window). */
    public void navigate(String section) {
        if (navigator != null) {
            navigator.accept(section);
        }
    }

    public void setNavigator(java.util.function.Consumer<String> navigator) {
        this.navigator = navigator;
    }

    /** Opens an address in the desktop's browser; blocks, so call it off the FX thread. */
    public void browse(String url) {
        browser.accept(url);
    }

    /** Sets what opens addresses (the application's HostServices; tests: a recorder). */
    public void setBrowser(java.util.function.Consumer<String> browser) {
        this.browser = browser;
    }

    /** The main window (dialogs' owner). */
    public Window window() {
        return owner.get();
    }

    /** Connects as the settings say (at start). */
    /** The saved connection shown as being opened, before {@link #connectAsSaved()} opens it. */
    public void announceSaved() {
        connection.announce(settings.current().connection());
    }

    public void connectAsSaved() {
        ConsoleSettings.Connection saved = settings.current().connection();
        if (saved.mode() == ConsoleSettings.Mode.EMBEDDED && saved.adminCredential() != null) {
            // A server's credential remembered in clear text: into the store now (a remote connection does it in open)
            executor.execute(() -> settings.credentialPlace());
        }
        connection.connect(saved);
    }

    public ConsoleOptions options() {
        return options;
    }

    public SettingsStore settings() {
        return settings;
    }

    public I18n i18n() {
        return i18n;
    }

    public StatusModel status() {
        return status;
    }

    public UiKit ui() {
        return ui;
    }

    public ExecutorService executor() {
        return executor;
    }

    public ConnectionModel connection() {
        return connection;
    }

    public OverviewModel overview() {
        return overview;
    }

    /** Stops background work and the embedded service, and writes the settings. Blocks briefly (at exit). */
    @Override
    public void close() {
        executor.shutdownNow();
        connection.closeNow();
        settings.close();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
