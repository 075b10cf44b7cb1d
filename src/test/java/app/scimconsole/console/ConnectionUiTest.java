package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleSettings;
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
        String embedded = text("#connectionBadge");
        press("#connectButton");
        waitUntil("the wrong credential is explained", () -> node("#connectionBanner").isVisible()
                && !ctx().connection().changingProperty().get());
        // A failed change keeps the working connection, says so, and saves nothing.
        assertThat(text("#bannerText")).contains("admin credential", "Nothing was changed", embedded);
        assertThat(ctx().connection().stateProperty().get()).isEqualTo(ConnectionModel.State.CONNECTED);
        assertThat(text("#connectionBadge")).isEqualTo(embedded);
        assertThat(text("#currentLabel")).contains("Embedded service");
        assertThat(fx(() -> app.window().statusText())).isEqualTo("Still connected: " + embedded);
        assertThat(ctx().connection().api().overview().tenantId()).isNotBlank(); // the embedded service still answers
        assertThat(ctx().settings().current().connection().mode()).isEqualTo(ConsoleSettings.Mode.EMBEDDED);
        shot("connection-remote-refused");

        // Nothing answers there: the same, and the embedded service keeps running.
        clickOn("#urlField");
        push(KeyCode.CONTROL, KeyCode.A);
        write("http://127.0.0.1:9/admin/v1");
        press("#connectButton");
        waitUntil("the closed port is explained", () -> text("#bannerText").contains("127.0.0.1:9")
                && !ctx().connection().changingProperty().get());
        assertThat(text("#connectionBadge")).isEqualTo(embedded);
        assertThat(runtime().admin().overview().tenantId()).isNotBlank();
        press("#dismissButton");
        assertThat(fx(() -> node("#connectionBanner").isVisible())).as("put away").isFalse();
        clickOn("#urlField");
        push(KeyCode.CONTROL, KeyCode.A);
        write(server.adminUrl());

        clickOn("#credentialField");
        push(KeyCode.CONTROL, KeyCode.A);
        write(credential);
        push(KeyCode.ENTER);
        // The embedded service stays connected until the server answered: wait for the switch, not for "connected".
        waitUntil("switched to the remote service", () -> !ctx().connection().changingProperty().get()
                && ctx().connection().connectionProperty().get().runtime().isEmpty());
        assertThat(ctx().connection().stateProperty().get()).isEqualTo(ConnectionModel.State.CONNECTED);
        assertThat(text("#connectionBadge")).isEqualTo("Remote service · " + server.adminUrl());
        assertThat(fx(() -> node("#connectionBanner").isVisible())).as("the failure is no longer shown").isFalse();
        assertThat(ctx().settings().current().connection().mode()).isEqualTo(ConsoleSettings.Mode.REMOTE);
        // Where the credential is kept, with the reason (the tests turn the credential store off).
        waitUntil("the credential's place is said", () -> text("#credentialPlace").contains("console.json"));
        assertThat(text("#credentialPlace")).contains("turned off", "readable only by you");
        shot("connection-remote");

        // Through the remote service's admin API: its tenant URL is the public HTTPS one.
        push(KeyCode.CONTROL, KeyCode.DIGIT7); // Setup, the seventh section (after Webhooks)
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
