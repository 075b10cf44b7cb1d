package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.setup.StepId;
import app.scimconsole.http.ServiceRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console connected to a headless service elsewhere (here: another runtime on loopback, as {@code serve} runs it). */
class ConnectionUiTest extends ConsoleUiTestBase {
    @TempDir
    Path serverData;

    ServiceRuntime server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void connectsToARemoteServeRemembersItAndExplainsAWrongCredential() throws Exception {
        server = startServer(serverData);
        String credential = server.adminCredentials().issue("console test");

        press("#nav-connection");
        assertThat(text("#currentLabel")).contains("Embedded service");
        shot("connection-embedded");

        press("#remoteRadio");
        clickOn("#urlField").write("scim.example.com");
        waitUntil("the URL is refused as typed", () -> node("#urlError").isVisible());
        assertThat(text("#urlError")).contains("http://");
        push(KeyCode.CONTROL, KeyCode.A);
        write(server.adminUrl());
        clickOn("#credentialField").write("not-the-credential");
        press("#connectButton");
        waitUntil("the wrong credential is explained",
                () -> ctx().connection().stateProperty().get() == ConnectionModel.State.FAILED);
        assertThat(text("#bannerText")).contains("admin credential");
        shot("connection-remote-refused");

        clickOn("#credentialField");
        push(KeyCode.CONTROL, KeyCode.A);
        write(credential);
        push(KeyCode.ENTER);
        waitUntil("connected to the remote service",
                () -> ctx().connection().stateProperty().get() == ConnectionModel.State.CONNECTED);
        assertThat(text("#connectionBadge")).isEqualTo("Remote service · " + server.adminUrl());
        shot("connection-remote");

        // Through the remote service's admin API: its tenant URL is the public HTTPS one.
        push(KeyCode.CONTROL, KeyCode.DIGIT6); // Setup, the sixth section
        goTo(StepId.ENABLE);
        press("#enableButton");
        waitUntil("the tenant URL is shown", () -> !text("#tenantUrlField").isEmpty());
        assertThat(text("#tenantUrlField")).startsWith("https://scim.example.com/scim/v2/");
        assertThat(text("#reachText")).contains("Entra can reach scim.example.com");
        assertThat(server.admin().overview().scimEnabled()).isTrue();
        shotAt("#reachText", "wizard-2-enable-remote");

        // Remembered: the next start connects to the same server, without asking.
        close();
        assertThat(Files.readString(data.resolve("console.json"))).contains("REMOTE", server.adminUrl());
        launch();
        assertThat(text("#connectionBadge")).startsWith("Remote service");
    }
}
