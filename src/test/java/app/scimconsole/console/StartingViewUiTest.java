package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.context.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

/**
 * The section the console opens on: the setup wizard the first time, then the one the owner last chose. Opening on it
 * writes nothing (issue 21: a settings write at start brought Jackson onto the way to the first frame); the owner's
 * choice is written and is where the next start opens.
 */
class StartingViewUiTest extends ConsoleUiTestBase {

    @Test
    void theSectionItOpensOnIsNotWrittenBackButTheOwnersChoiceIs() throws Exception {
        assertThat(this.<ToggleButton>node("#nav-setup").isSelected()).isTrue();
        ctx().settings().flush();
        Path file = data.resolve(SettingsStore.FILE);
        assertThat(!Files.exists(file) || !Files.readString(file).contains("lastView"))
                .as("console.json after a first start: %s", Files.exists(file) ? Files.readString(file) : "none")
                .isTrue();

        press("#nav-users");
        ctx().settings().flush();
        assertThat(Files.readString(file)).contains("\"lastView\" : \"users\"");

        close();
        launch();
        assertThat(this.<ToggleButton>node("#nav-users").isSelected()).isTrue();
        assertThat(this.<ToggleButton>node("#nav-setup").isSelected()).isFalse();
        // Its page is built after the window's first frame (issue 21), and is there once the window is up.
        javafx.scene.Parent host = node("#contentHost");
        waitUntil("the Users page is shown", () -> host.lookup("#rejectedList") != null);
        assertThat(fx(() -> host.getChildrenUnmodifiable().size())).isEqualTo(1);
    }
}
