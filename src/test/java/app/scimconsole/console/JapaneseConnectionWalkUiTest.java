package app.scimconsole.console;

import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.http.ServiceRuntime;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Connection page in Japanese: embedded, connected to a server, and every way connecting to one fails. */
class JapaneseConnectionWalkUiTest extends JapaneseWalkUiTestBase {
    @TempDir
    Path serverData;
    ServiceRuntime server;
    NotAService elsewhere;

    @AfterEach
    void stopOthers() throws IOException {
        if (server != null) {
            server.close();
        }
        if (elsewhere != null) {
            elsewhere.close();
        }
    }

    @Test
    void theConnectionAndEveryWayConnectingToAServerFails() throws Exception {
        server = startServer(serverData);
        String credential = server.adminCredentials().issue("console");
        elsewhere = new NotAService();
        judge.withValues(data.toAbsolutePath().toString());

        fire("#nav-connection");
        screen("connection-embedded");
        fire("#remoteRadio");
        type("#urlField", "scim.example.com");
        waitUntil("the URL is refused as typed", () -> node("#urlError").isVisible());
        screen("connection-url-refused-as-typed");

        connect("http://scim-console-test.invalid/admin/v1", credential, "connection-host-unknown");
        connect("http://127.0.0.1:9/admin/v1", credential, "connection-nothing-answers");
        connect(server.adminUrl(), "not-the-credential", "connection-credential-refused");
        connect(elsewhere.url() + "/page", credential, "connection-a-web-page");
        connect("http://127.0.0.1:" + server.server().config().port() + "/admin/v1", credential, "connection-the-scim-port");
        connect(elsewhere.url() + "/broken", credential, "connection-server-error");
        connect("https://127.0.0.1:" + elsewhere.plainPort() + "/admin/v1", credential, "connection-tls");

        connect(server.adminUrl(), credential, "connection-remote");
        waitUntil("connected to the server", () -> ctx().connection().stateProperty().get() == ConnectionModel.State.CONNECTED);
        screen("connection-remote-connected");
        fire("#embeddedRadio");
        fire("#connectButton");
        waitUntil("the embedded service is back", () -> ctx().connection().stateProperty().get()
                == ConnectionModel.State.CONNECTED && ctx().connection().connectionProperty().get().runtime().isPresent());
        screen("connection-embedded-again");

        assertAllJapanese();
    }

    /** Connects to {@code url} with {@code credential} from the Connection page and judges what the window says. */
    void connect(String url, String credential, String screen) {
        fx(() -> {
            ((TextField) node("#urlField")).setText(url);
            ((PasswordField) node("#credentialField")).setText(credential);
            return null;
        });
        judge.withValues(url, credential);
        fire("#connectButton");
        waitUntil("connecting to " + url + " has an outcome", () -> !ctx().connection().changingProperty().get()
                && ctx().connection().stateProperty().get() != ConnectionModel.State.CONNECTING);
        screen(screen);
    }
}
