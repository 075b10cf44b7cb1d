package app.scimconsole.console;

import static app.scimconsole.console.MainWindowOnStage.fx;
import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.app.MainWindowController;
import app.scimconsole.console.common.StatusModel;
import app.scimconsole.console.context.AppContext;
import app.scimconsole.console.context.SettingsStore;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window's own status bar and error notice (issue 21: they replaced ControlsFX's StatusBar and
 * NotificationPane, whose skins and text style sheets were in the first style pass). An error stays above the page,
 * in the person's language, until closed; a confirmation only flashes in the status bar; running work shows a moving
 * bar beside the note, whose place is kept while nothing runs.
 */
class StatusAndNoticeUiTest extends FxRobot {
    @TempDir
    Path data;

    MainWindowOnStage shown;
    AppContext ctx;
    MainWindowController window;

    @BeforeEach
    void showTheWindow() throws Exception {
        shown = MainWindowOnStage.show(data, SettingsStore.open(data), true);
        ctx = shown.ctx;
        window = shown.window;
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        if (shown != null) {
            shown.close();
        }
    }

    @Test
    void anErrorStaysAboveThePageUntilClosed() {
        Node bar = lookup("#noticeBar").query();
        assertThat(fx(bar::isVisible)).as("no notice at the start").isFalse();
        double pageTop = fx(() -> top(lookup("#contentHost").query()));

        fx(() -> {
            ctx.status().error("The domain could not be checked: the service is not reachable.");
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(bar::isVisible)).isTrue();
        assertThat(window.notificationText()).isEqualTo("The domain could not be checked: the service is not reachable.");
        Label text = lookup("#noticeText").query();
        assertThat(fx(text::getText)).isEqualTo(window.notificationText());
        assertThat(fx(() -> top(bar))).as("above the page, which moves down rather than being covered")
                .isLessThan(fx(() -> top(lookup("#contentHost").query())));
        assertThat(fx(() -> top(lookup("#contentHost").query()))).isGreaterThan(pageTop);
        assertThat(fx(() -> lookup("#noticeCloseButton").queryButton().getText()))
                .isEqualTo(ctx.i18n().text("common.close"));

        clickOn("#noticeCloseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(bar::isVisible)).isFalse();
        assertThat(fx(() -> top(lookup("#contentHost").query()))).as("the page back in its place").isEqualTo(pageTop);
    }

    @Test
    void aConfirmationFlashesInTheStatusBarAndRunningWorkShowsItsBar() {
        Label note = lookup(".status-bar .status-label").query();
        ProgressBar progress = lookup("#statusProgress").query();
        fx(() -> {
            ctx.status().idle("Connected");
            return null;
        });
        assertThat(fx(note::getText)).isEqualTo("Connected");
        assertThat(fx(progress::isVisible)).as("nothing runs").isFalse();
        double noteWidth = fx(note::getWidth);

        fx(() -> {
            ctx.status().success("Tenant URL copied");
            return null;
        });
        assertThat(fx(note::getText)).isEqualTo("✓ Tenant URL copied");
        assertThat(fx(() -> lookup("#noticeBar").query().isVisible())).as("a confirmation is no notice").isFalse();

        StatusModel.Activity work = fx(() -> ctx.status().begin("Reading users…"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(progress::isVisible)).isTrue();
        assertThat(fx(progress::isIndeterminate)).isTrue();
        assertThat(fx(note::getWidth)).as("the note keeps its place and width").isEqualTo(noteWidth);
        fx(() -> {
            work.done();
            return null;
        });
        assertThat(fx(progress::isVisible)).isFalse();
    }

    private static double top(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return b.getMinY();
    }
}
