package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleOptions;
import app.scimconsole.console.setup.StepId;
import app.scimconsole.http.ServiceConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The embedded service cannot start (its port is taken by another program): the console says so in full, and the
 * wizard shows nothing it did not read: no "not enabled", no "to do", no "waiting for Entra".
 */
class UnreadStateUiTest extends ConsoleUiTestBase {
    ServerSocket taken;

    @Override
    void launch() throws TimeoutException {
        try {
            taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        InetSocketAddress a = dns.address();
        ConsoleOptions options = new ConsoleOptions(data, new ServiceConfig("127.0.0.1", taken.getLocalPort(), null,
                ServiceConfig.DEFAULT_MAX_BODY, 8), a.getHostString() + ":" + a.getPort(), clock(), locale(),
                Duration.ofMillis(300));
        app = (ConsoleApp) FxToolkit.setupApplication(() -> new ConsoleApp(options));
        waitUntil("the embedded service failed to start",
                () -> ctx().connection().stateProperty().get() == ConnectionModel.State.FAILED);
    }

    @AfterEach
    void freePort() throws IOException {
        taken.close();
    }

    @Test
    void whatTheConsoleCouldNotReadIsNotShownAsAState() {
        Label banner = node("#bannerText");
        assertThat(text("#bannerText")).contains("already in use");
        // Shown whole: the text on screen is the label's text, not cut short with an ellipsis.
        assertThat(fx(() -> ((Text) banner.lookup(".text")).getText())).isEqualTo(text("#bannerText"));

        ListView<StepId> stepper = node("#stepper");
        waitUntil("the setup is shown", () -> stepper.isVisible());
        for (StepId s : java.util.List.of(StepId.ENABLE, StepId.ENTRA, StepId.PROVISIONING, StepId.DOMAINS)) {
            assertThat(stepState(s)).as(s.name()).isEqualTo("Not read yet");
        }
        goTo(StepId.ENABLE);
        assertThat(fx(() -> node("#enableCard").isVisible())).as("no 'not enabled' and no Enable").isFalse();
        assertThat(fx(() -> node("#unknownCard").isVisible())).isTrue();
        assertThat(text("#unknownCard .label")).contains("not known yet");
        shot("wizard-2-not-read");
        goTo(StepId.PROVISIONING);
        assertThat(text("#headline")).doesNotContain("Waiting").contains("not known yet");
    }

    String stepState(StepId step) {
        ListView<StepId> stepper = node("#stepper");
        return fx(() -> stepper.lookupAll(".list-cell").stream()
                .filter(c -> c instanceof javafx.scene.control.ListCell<?> lc && lc.getItem() == step).findFirst()
                .map(c -> ((Label) c.lookup(".step-state")).getText()).orElseThrow());
    }
}
