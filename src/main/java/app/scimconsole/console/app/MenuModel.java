package app.scimconsole.console.app;

import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The menu bar's actions: quit, the About dialog's facts, and the help links, opened in the browser off the window's
 * thread (asking the desktop to open a browser can take a while, and must never freeze the window).
 */
public final class MenuModel {
    /** The Microsoft Entra admin center, where the enterprise application and its provisioning are set up. */
    public static final String ENTRA_ADMIN_CENTER = "https://entra.microsoft.com";
    /** Microsoft's documentation of provisioning users into an application with SCIM. */
    public static final String PROVISIONING_DOCS =
            "https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups";

    private final UiKit ui;
    private final Consumer<String> browser;
    private final Runnable quit;
    private final Path dataFolder;

    /** {@code browser} opens an address (blocking is fine: it is called off the FX thread); {@code quit} closes the window. */
    public MenuModel(UiKit ui, Consumer<String> browser, Runnable quit, Path dataFolder) {
        this.ui = ui;
        this.browser = browser;
        this.quit = quit;
        this.dataFolder = dataFolder;
    }

    public void openEntraAdminCenter() {
        open(ENTRA_ADMIN_CENTER);
    }

    public void openProvisioningDocs() {
        open(PROVISIONING_DOCS);
    }

    private void open(String url) {
        Tasks.create(() -> {
            try {
                browser.accept(url);
                return true;
            } catch (RuntimeException noBrowser) {
                return false; // no desktop browser: the owner can still open the address by hand
            }
        }).describedAs(ui.text("menu.opening", url)).onSuccess(ok -> {
            if (ok) {
                ui.status().info(ui.text("menu.opened", url));
            } else {
                ui.status().error(ui.text("menu.cannotOpen", url));
            }
        }).runOnce(ui.tasks());
    }

    public void quit() {
        quit.run();
    }

    public AboutInfo about() {
        return AboutInfo.of(dataFolder);
    }

    /** "Version 0.1.0", or that this is a development build. */
    public String versionText(AboutInfo info) {
        return info.version() == null ? ui.text("about.devBuild") : ui.text("about.version", info.version());
    }
}
