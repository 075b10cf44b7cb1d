package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleOptions;
import app.scimconsole.console.setup.StepId;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.domains.TestDnsServer;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceRuntime;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console for a UI test: {@link ConsoleApp} on a temp data folder, its embedded service on free loopback
 * ports, and every DNS query (the service's and the console's live checks) going to a test DNS server on loopback.
 * Headless under Monocle (settings in pom.xml); snapshots go to {@code target/screenshots/}.
 */
abstract class ConsoleUiTestBase extends FxRobot {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path data;

    TestDnsServer dns;
    ConsoleApp app;
    Stage stage;
    String testName;

    @BeforeEach
    void startConsole(TestInfo info) throws Exception {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        dns = TestDnsServer.start();
        stage = FxToolkit.registerPrimaryStage();
        launch();
    }

    /** Starts (or restarts) the console on the same data folder and waits until it is connected. */
    void launch() throws TimeoutException {
        InetSocketAddress a = dns.address();
        ConsoleOptions options = new ConsoleOptions(data, new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, 8), a.getHostString() + ":" + a.getPort(), clock(),
                locale(), Duration.ofMillis(300));
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(options));
        waitUntil("the embedded service is connected",
                () -> ctx().connection().stateProperty().get() == ConnectionModel.State.CONNECTED);
    }

    /** The time of the console and its embedded service. */
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The console's language when no language was chosen in Settings. */
    Locale locale() {
        return Locale.ENGLISH;
    }

    /** Chooses Japanese in Settings and starts the console again, as the owner does; waits for the Japanese labels. */
    void restartInJapanese() throws TimeoutException {
        press("#nav-settings");
        press("#japaneseRadio");
        ctx().settings().flush();
        close();
        launch();
        waitUntil("the Japanese labels are shown", () -> text("#nav-users").equals("ユーザー"));
    }

    /** Closes the window, then stops the application, as when the owner closes the console. */
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
    }

    @AfterEach
    void stopConsole() throws Exception {
        close();
        if (dns != null) {
            dns.close();
        }
    }

    AppContext ctx() {
        return app.context();
    }

    ServiceRuntime runtime() {
        return ctx().connection().connectionProperty().get().runtime().orElseThrow();
    }

    /**
     * A headless service elsewhere, as {@code serve} runs it: on loopback, public at https://scim.example.com, asking
     * the test DNS server. The caller closes it.
     */
    ServiceRuntime startServer(Path folder) throws IOException {
        InetSocketAddress a = dns.address();
        return ServiceRuntime.start(SqliteDirectory.open(folder), new ServiceConfig("127.0.0.1", 0,
                "https://scim.example.com", ServiceConfig.DEFAULT_MAX_BODY, 8), a.getHostString() + ":" + a.getPort(),
                Clock.systemUTC());
    }

    String tenantId() {
        return fx(() -> runtime().admin().overview().tenantId());
    }

    /**
     * Verifies a domain in the service directly, through the test DNS server (not what the tests are about), and
     * waits until the SCIM side, which reads through its own connection, sees it verified too.
     */
    void verifyInService(String domain) {
        dns.zone(domain, 1, 300, 60);
        var domains = runtime().domains();
        String tenant = tenantId();
        var challenge = domains.add(tenant, domain).challenge();
        dns.txt(challenge.recordName(), challenge.recordValue());
        assertThat(domains.verify(tenant, domain).result().isVerified()).isTrue();
        waitUntil(domain + " is verified for SCIM", () -> domains.isVerified(tenant, domain));
    }

    /** Enables the SCIM app, verifies testuser.com, and answers a client that calls the service as Entra does. */
    ScimClient entraForTestUsers() {
        AdminApi.Credentials c = ctx().connection().api().enableScim();
        ScimClient entra = new ScimClient(c.tenantUrl(), c.secretToken());
        verifyInService("testuser.com");
        return entra;
    }

    /** Reads UI state on the FX thread. */
    <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    void waitUntil(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (fx(condition::getAsBoolean)) {
                return;
            }
            pause(100);
        }
        shot("failed-" + testName);
        throw new AssertionError("timed out waiting until " + what);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    <T extends Node> T node(String query) {
        return lookup(query).query();
    }

    String text(String query) {
        Node n = node(query);
        return fx(() -> n instanceof javafx.scene.control.Labeled l ? l.getText()
                : n instanceof javafx.scene.control.TextInputControl t ? t.getText() : n.toString());
    }

    String clipboard() {
        return fx(() -> Clipboard.getSystemClipboard().getString());
    }

    /** Scrolls the node into view (inside its scroll pane) and clicks it, as a person would. */
    void press(String query) {
        Node n = node(query);
        reveal(n);
        clickOn(n);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void reveal(Node n) {
        fx(() -> {
            Parent p = n.getParent();
            while (p != null && !(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof ScrollPane sp && sp.getContent() != null) {
                sp.layout();
                Node content = sp.getContent();
                Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double extra = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (extra > 0) {
                    double target = Math.max(0, b.getMinY() - 40);
                    sp.setVvalue(Math.min(1, target / extra));
                }
                sp.layout();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects the table's row of the user with this userName, as a click on it would. */
    @SuppressWarnings("unchecked")
    void selectRow(TableView<?> table, String userName) {
        fx(() -> {
            TableView<AdminApi.UserRow> t = (TableView<AdminApi.UserRow>) table;
            t.getItems().stream().filter(r -> r.userName().equals(userName)).findFirst()
                    .ifPresent(r -> t.getSelectionModel().select(r));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects a wizard step by clicking it in the stepper. */
    void goTo(StepId step) {
        ListView<StepId> stepper = node("#stepper");
        Node cell = fx(() -> stepper.lookupAll(".list-cell").stream()
                .filter(c -> c instanceof javafx.scene.control.ListCell<?> lc && lc.getItem() == step)
                .findFirst().orElseThrow());
        clickOn(cell);
        waitUntil("step " + step + " is shown", () -> stepper.getSelectionModel().getSelectedItem() == step);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the window as {@code target/screenshots/<name>.png}. */
    void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        pause(150);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = SHOTS.resolve(name + ".png");
        try {
            PngWriter.write(fx(() -> stage.getScene().snapshot(null)), file);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + file, e);
        }
    }

    /** Saves the scene {@code node} is in (a dialog's, say) as {@code target/screenshots/<name>.png}. */
    void shotOf(Node node, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        pause(150);
        WaitForAsyncUtils.waitForFxEvents();
        Path file = SHOTS.resolve(name + ".png");
        try {
            PngWriter.write(fx(() -> node.getScene().snapshot(null)), file);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + file, e);
        }
    }

    /** Scrolls the step content so {@code query} is at the top, then saves a snapshot. */
    void shotAt(String query, String name) {
        reveal(node(query));
        shot(name);
    }
}
