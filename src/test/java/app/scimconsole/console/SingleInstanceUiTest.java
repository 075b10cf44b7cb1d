package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.testing.ServeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A second start of the console on the same data folder brings the open window forward and opens nothing itself. */
class SingleInstanceUiTest extends ConsoleUiTestBase {

    @Test
    void aSecondStartHandsOverToTheOpenConsole() throws Exception {
        fx(() -> {
            stage.setIconified(true);
            return null;
        });
        waitUntil("the window is minimised", () -> stage.isIconified());

        // The real program, as a second double-click starts it: without a display it could not open a window at all.
        Path out = Files.createTempFile("second-start", ".txt");
        Process second = new ProcessBuilder(ServeProcess.java(List.of("-Dscimconsole.data=" + data)))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        second.getOutputStream().close();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("the second start ends by itself").isTrue();
        String said = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(second.exitValue()).as(said).isZero();
        assertThat(said).contains("already open", data.toString());

        waitUntil("the open window came forward", () -> !stage.isIconified());
        assertThat(runtime().admin().overview().tenantId()).as("the first console's service still runs").isNotBlank();
    }
}
