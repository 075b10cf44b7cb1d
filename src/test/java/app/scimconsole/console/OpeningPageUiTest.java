package app.scimconsole.console;

import static app.scimconsole.console.MainWindowOnStage.fx;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.app.MainWindowController;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.SectionId;
import app.scimconsole.console.context.SettingsStore;
import java.nio.file.Path;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21: the main window's first frame is its frame (header, sidebar, status bar); the page of the section it opens
 * on is built after that frame ({@link ConsoleApp} calls {@link MainWindowController#showOpeningPage} then). Until it
 * is, the sidebar and the shortcuts work at once: a section the owner chooses first is shown and kept.
 */
class OpeningPageUiTest extends FxRobot {
    @TempDir
    Path data;

    MainWindowOnStage shown;
    AppContext ctx;
    MainWindowController window;
    Stage stage;

    /** The window of a console last left on Activity, shown without its page, as at its first frame. */
    @BeforeEach
    void showTheWindowWithoutItsPage() throws Exception {
        SettingsStore settings = SettingsStore.open(data);
        settings.update(s -> s.withLastView(SectionId.ACTIVITY));
        settings.flush();
        shown = MainWindowOnStage.show(data, settings, false);
        ctx = shown.ctx;
        window = shown.window;
        stage = shown.stage;
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        if (shown != null) {
            shown.close();
        }
    }

    @Test
    void theFrameComesFirstWithItsSectionSelectedAndThePageFollows() {
        assertThat(selected("#nav-activity")).as("the sidebar already says where the window opens").isTrue();
        assertThat(fx(() -> contentHost().getChildren().isEmpty())).as("no page yet: nothing half-built, no error")
                .isTrue();
        assertThat(lookup("#outcomeBox").tryQuery()).isEmpty();
        assertThat(fx(() -> contentHost().getHeight())).as("the page's place is there, the size it will have")
                .isGreaterThan(400);

        fx(() -> {
            window.showOpeningPage();
            return null;
        });

        assertThat(fx(() -> contentHost().lookup("#outcomeBox") != null)).as("the Activity page").isTrue();
        assertThat(selected("#nav-activity")).isTrue();
        assertThat(ctx.settings().current().lastView()).isEqualTo(SectionId.ACTIVITY);

        ToggleButton users = lookup("#nav-users").query();
        assertThat(fx(users::getTooltip)).as("seen only on hovering: made after the first screen").isNull();
        fx(() -> {
            window.finishOpening();
            return null;
        });
        assertThat(fx(() -> users.getTooltip().getText())).isEqualTo(ctx.i18n().text("nav.shortcut", 2));
    }

    @Test
    void aShortcutAndTheSidebarWorkBeforeThePageIsAttachedAndTheOpeningPageDoesNotReplaceTheirs() {
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected("#nav-users")).as("Ctrl+2: Users").isTrue();
        assertThat(fx(() -> contentHost().lookup("#rejectedList") != null)).as("the Users page, at once").isTrue();
        assertThat(ctx.settings().current().lastView()).as("the owner's choice is remembered").isEqualTo(SectionId.USERS);

        fx(() -> {
            window.showOpeningPage();
            return null;
        });
        assertThat(fx(() -> contentHost().lookup("#rejectedList") != null)).as("still the Users page").isTrue();
        assertThat(fx(() -> contentHost().lookup("#outcomeBox"))).as("not the section it opened on").isNull();
        assertThat(selected("#nav-users")).isTrue();
        assertThat(selected("#nav-activity")).isFalse();

        clickOn("#nav-activity");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> contentHost().lookup("#outcomeBox") != null)).as("the sidebar").isTrue();
        assertThat(fx(() -> contentHost().getChildren().size())).isEqualTo(1);
    }

    private StackPane contentHost() {
        return (StackPane) stage.getScene().lookup("#contentHost");
    }

    private boolean selected(String query) {
        ToggleButton b = lookup(query).query();
        return fx(b::isSelected);
    }
}
