package app.scimconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.app.MenuModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** The menu bar (Quit, About, Help) and keyboard focus that never lands where a Space would do harm. */
class MenuAndKeyboardUiTest extends ConsoleUiTestBase {

    @Test
    void helpLinksOpenInTheBrowserOffTheWindowsThreadAndAboutSaysVersionFolderAndLicences() {
        List<String> opened = new CopyOnWriteArrayList<>();
        ctx().setBrowser(url -> opened.add(url + (Platform.isFxApplicationThread() ? " (on the FX thread)" : "")));
        MenuBar bar = node("#menuBar");
        assertThat(fx(() -> bar.getMenus().stream().map(m -> m.getText()).toList())).containsExactly("_File", "_Help");
        assertThat(fx(bar::isUseSystemMenuBar)).as("on macOS, the system's menu bar").isTrue();

        clickText("Help");
        clickText("Open the Microsoft Entra admin center");
        waitUntil("the admin center is opened", () -> opened.size() == 1);
        clickText("Help");
        clickText("Microsoft’s provisioning documentation");
        waitUntil("the docs are opened", () -> opened.size() == 2);
        assertThat(opened).containsExactly(MenuModel.ENTRA_ADMIN_CENTER, MenuModel.PROVISIONING_DOCS);

        clickText("Help");
        clickText("About SCIM Console");
        waitUntil("About opens", () -> lookup("#dataFolderField").tryQuery().isPresent());
        assertThat(text("#dataFolderField")).isEqualTo(data.toString());
        assertThat(text("#versionLabel")).isNotBlank();
        assertThat(text("#licencesText")).contains("ControlsFX — BSD-3-Clause", "Eclipse Jetty — EPL-2.0 OR Apache-2.0");
        shotOf(node("#licencesText"), "about-dialog");
        clickOn("#aboutCloseButton");
        waitUntil("About closes", () -> lookup("#dataFolderField").tryQuery().isEmpty());
    }

    @Test
    void quitIsOnTheShortcutKeyAndClosesTheWindow() {
        MenuItem quit = fx(() -> ((MenuBar) node("#menuBar")).getMenus().get(0).getItems().get(0));
        assertThat(fx(quit::getAccelerator)).isEqualTo(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        push(KeyCode.CONTROL, KeyCode.Q); // Ctrl+Q here; ⌘Q on macOS
        waitUntil("the window is closed", () -> !fx(stage::isShowing));
    }

    @Test
    void aShortcutMovesTheFocusOutlineWithTheSelectionAndCheckNowKeepsTheFocus() {
        clickOn("#nav-setup");
        assertThat(focused()).isEqualTo("nav-setup");
        push(KeyCode.CONTROL, KeyCode.DIGIT5);
        waitUntil("the Domains section is shown", () -> ((javafx.scene.control.ToggleButton) node("#nav-domains")).isSelected());
        assertThat(focused()).as("one sidebar item looks selected, not two").isEqualTo("nav-domains");

        // A domain to check: Check now must keep the keyboard focus, not hand it to Remove… (Space would open that).
        clickOn("#newDomainField");
        write("example.org");
        push(KeyCode.ENTER);
        waitUntil("the domain's card is shown", () -> lookup("#checkButton").tryQuery().isPresent());
        fx(() -> {
            node("#checkButton").requestFocus();
            return null;
        });
        push(KeyCode.SPACE);
        waitUntil("the check ran", () -> fx(() -> ctx().status().runningProperty().get() == 0));
        pause(300);
        assertThat(focused()).isEqualTo("checkButton");
        push(KeyCode.SPACE); // again: still Check now, no remove dialog
        pause(300);
        assertThat(lookup("#confirmButton").tryQuery()).isEmpty();
    }

    /** Clicks the visible labelled node (a menu, a menu item) that reads {@code text}, its mnemonic's underscore aside. */
    void clickText(String text) {
        waitUntil(text + " is shown", () -> lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l
                && l.isVisible() && text.equals(l.getText() == null ? null : l.getText().replace("_", ""))).tryQuery().isPresent());
        clickOn(lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled l && l.isVisible()
                && text.equals(l.getText() == null ? null : l.getText().replace("_", ""))).<javafx.scene.Node>query());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    String focused() {
        return fx(() -> {
            javafx.scene.Node n = stage.getScene().getFocusOwner();
            return n == null ? null : n.getId();
        });
    }
}
