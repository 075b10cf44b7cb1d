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
 * read twice (the page's own listener on the connection and the main window's call for the page on screen). Opened
 * for the first time while connected, it reads once too: while it is built, not again when shown. Beside it, the
 * window's watch for an outage of the service's storage reads the storage's state alone, never the overview.
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
        ConsoleSettings.Connection throughProxy = serverThroughProxy();

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
     * Opened for the first time while connected, the page asks for its first page while it is built (issue 21: at a
     * million users the view's building and the page's request each took a good part of the opening) and not again
     * when it is shown.
     */
    @Test
    void usersOpenedForTheFirstTimeWhileConnectedAreReadOnce() throws Exception {
        ConsoleSettings.Connection throughProxy = connectedThroughProxy();
        proxy.reset();
        show(SectionId.USERS);
        waitUntilReadFrom(throughProxy);
        assertThat(proxy.userPageReads()).as("reads of the users list when the page opened").isEqualTo(1);
    }

    /**
     * Issue 21: the window watches for an outage of the service's storage for as long as it is open, whichever section
     * is on screen. With the Users section on screen that is the light read of the storage's state alone, never the
     * overview, which counts every user's attributes (at a million users a second or two of the service's work at
     * each poll, beside the owner's search as they type); the Overview section reads the overview while on screen.
     */
    @Test
    void withUsersOnScreenTheWindowReadsTheStorageStateAndNeverTheOverview() throws Exception {
        connectedThroughProxy();
        show(SectionId.USERS);
        onlyTheStorageStateIsRead();

        show(SectionId.OVERVIEW);
        waitUntil("the Overview section reads the overview at once and at each poll",
                () -> proxy.reads("overview") >= 2);

        show(SectionId.USERS);
        onlyTheStorageStateIsRead();
    }

    /** The console switched to a headless service through the counting proxy, and connected. */
    private ConsoleSettings.Connection connectedThroughProxy() throws Exception {
        ConsoleSettings.Connection throughProxy = serverThroughProxy();
        fx(() -> {
            app.window().select(SectionId.CONNECTION);
            ctx().connection().change(throughProxy, () -> { });
            return null;
        });
        waitUntil("connected through the proxy", () -> connectedTo(throughProxy));
        return throughProxy;
    }

    private void show(String section) {
        fx(() -> {
            app.window().select(section);
            return null;
        });
    }

    /**
     * From the next read of the storage's state (the reads never overlap, so none asked for before is still to come),
     * several polls of the window (every 300 ms in these tests) read it, and nothing reads the overview.
     */
    private void onlyTheStorageStateIsRead() {
        proxy.reset();
        waitUntil("the window reads the storage's state", () -> proxy.reads("storage") > 0);
        proxy.reset();
        waitUntil("several polls of the window", () -> proxy.reads("storage") >= 4);
        assertThat(proxy.reads("overview")).as("reads of the overview with the Users section on screen").isZero();
    }

    /**
     * Until the console is connected through the proxy, the users list was read through it, and no work the console
     * started is running any more: every read begun when the connection came (all in that one event) has been answered.
     */
    private void waitUntilReadFrom(ConsoleSettings.Connection wanted) {
        waitUntil("the users are read through the proxy", () -> connectedTo(wanted)
                && proxy.userPageReads() > 0 && ctx().status().runningProperty().get() == 0);
    }

    private boolean connectedTo(ConsoleSettings.Connection wanted) {
        return ctx().connection().stateProperty().get() == ConnectionModel.State.CONNECTED
                && !ctx().connection().changingProperty().get() && ctx().connection().connectionProperty().get() != null
                && wanted.remoteUrl().equals(ctx().connection().connectionProperty().get().location());
    }

    /** A headless service behind a proxy that counts its reads, and a connection to it through the proxy. */
    private ConsoleSettings.Connection serverThroughProxy() throws Exception {
        server = startServer(serverData);
        proxy = new CountingAdminProxy(server.adminUrl());
        return new ConsoleSettings.Connection(ConsoleSettings.Mode.REMOTE, proxy.adminUrl(),
                server.adminCredentials().issue("console test"));
    }
}
