package app.scimconsole.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.console.TestUi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MenuModelTest {
    final TestUi ui = new TestUi();
    final List<String> opened = new ArrayList<>();
    int quits;
    final MenuModel menu = new MenuModel(ui.kit, opened::add, () -> quits++, Path.of("/home/owner/.scim-console"));

    @Test
    void theHelpLinksOpenTheEntraAdminCenterAndMicrosoftsProvisioningDocs() {
        menu.openEntraAdminCenter();
        menu.openProvisioningDocs();
        assertThat(opened).containsExactly("https://entra.microsoft.com",
                "https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups");
        assertThat(ui.lastNotice()).startsWith("Opened https://learn.microsoft.com/");
    }

    @Test
    void aBrowserThatCannotBeOpenedIsSaidInPlainWords() {
        MenuModel noBrowser = new MenuModel(ui.kit, url -> {
            throw new IllegalStateException("No browser to open " + url);
        }, () -> { }, Path.of("x"));
        noBrowser.openEntraAdminCenter();
        assertThat(ui.lastNotice()).isEqualTo("No browser could be opened. Open this address yourself: https://entra.microsoft.com");
    }

    @Test
    void quitAndAboutSayWhatTheyShould() {
        menu.quit();
        assertThat(quits).isEqualTo(1);
        AboutInfo about = menu.about();
        assertThat(about.dataFolder()).isEqualTo(Path.of("/home/owner/.scim-console"));
        assertThat(menu.versionText(about)).isEqualTo("A development build (no version number)");
        assertThat(menu.versionText(new AboutInfo("0.1.0", about.dataFolder(), List.of()))).isEqualTo("Version 0.1.0");
        assertThat(about.licenceLines().lines()).contains("ControlsFX — BSD-3-Clause", "Jackson — Apache-2.0",
                "OpenJFX (JavaFX) — GPL-2.0 WITH Classpath-exception-2.0");
    }
}
