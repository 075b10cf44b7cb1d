package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleSettings;
import app.scimconsole.console.context.SectionId;
import app.scimconsole.http.ServiceRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Users page reads the service once when a connection comes while it is on screen: once when the console
 * connects (the service started, as at the console's start), and once when it switches to another service. Counted
 * by a real HTTP server on loopback between the console and a headless service's admin API. Before, the first case
 * read twice (the page's own listener on the connection and the main window's call for the page on screen).
 */
class UsersReadOnConnectionUiTest extends ConsoleUiTestBase {
    @TempDir
    Path serverData;

    ServiceRuntime server;
    CountingAdminProxy proxy;

    @AfterEach
    void stopServer() {
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void usersShownWhileTheConsoleConnectsOrSwitchesAreReadOnceEachTime() throws Exception {
        server = startServer(serverData);
        proxy = new CountingAdminProxy(server.adminUrl());
        ConsoleSettings.Connection throughProxy = new ConsoleSettings.Connection(ConsoleSettings.Mode.REMOTE,
                proxy.adminUrl(), server.adminCredentials().issue("console test"));

        // A switch from the embedded service to the server while Users is on screen: the page read the embedded
        // service when shown (not through the proxy), then reads the server once the console switched.
        fx(() -> {
            app.window().select(SectionId.CONNECTION);
            ctx().connection().change(throughProxy, () -> { });
            app.window().select(SectionId.USERS);
            return null;
        });
        waitUntilReadFrom(throughProxy);
        assertThat(proxy.userPageReads()).as("reads of the users list after the switch").isEqualTo(1);

        // A connection from nothing (the console's start, or Retry) while Users is on screen: not connected when
        // shown, so nothing is read then; one read once connected.
        fx(() -> {
            app.window().select(SectionId.CONNECTION);
            proxy.reset();
            ctx().connection().connect(throughProxy);
            assertThat(ctx().connection().isConnected()).isFalse();
            app.window().select(SectionId.USERS);
            return null;
        });
        waitUntilReadFrom(throughProxy);
        assertThat(proxy.userPageReads()).as("reads of the users list after connecting").isEqualTo(1);
    }

    /**
     * Until the console is connected through the proxy, the users list was read through it, and no work the console
     * started is running any more: every read begun when the connection came (all in that one event) has been answered.
     */
    private void waitUntilReadFrom(ConsoleSettings.Connection wanted) {
        waitUntil("the users are read through the proxy", () -> ctx().connection().stateProperty().get()
                == ConnectionModel.State.CONNECTED && !ctx().connection().changingProperty().get()
                && ctx().connection().connectionProperty().get() != null
                && wanted.remoteUrl().equals(ctx().connection().connectionProperty().get().location())
                && proxy.userPageReads() > 0 && ctx().status().runningProperty().get() == 0);
    }
}
