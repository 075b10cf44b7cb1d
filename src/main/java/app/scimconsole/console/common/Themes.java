package app.scimconsole.console.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.paint.Color;

/**
 * Light and dark. "system" follows the computer's setting where it can be read (Windows' "apps use dark mode",
 * macOS' appearance, GNOME's colour scheme or a dark GTK theme); otherwise light. JavaFX 21 has no API for it,
 * so the setting is read from the OS, once, off the FX thread.
 */
public final class Themes {
    public static final String SYSTEM = "system";
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    public static final String CSS = "/app/scimconsole/console/console.css";
    public static final String CSS_DARK = "/app/scimconsole/console/console-dark.css";
    /*
     * The window's background in each theme (the style sheets' -sc-bg) and a dialog's (-sc-surface); tests hold them
     * to the style sheets. A scene is filled with it, and JavaFX gives the scene's fill to the native window when it
     * creates it: what the window shows from the moment it is mapped until JavaFX's first frame, white otherwise.
     */
    private static final Color LIGHT_BACKGROUND = Color.web("#f6f7f9");
    private static final Color DARK_BACKGROUND = Color.web("#16181c");
    private static final Color LIGHT_SURFACE = Color.web("#ffffff");
    private static final Color DARK_SURFACE = Color.web("#1f2227");

    private static volatile Boolean systemDark;

    private Themes() {
    }

    /** Whether {@code theme} (as saved: null, "system", "light", "dark") means dark now. */
    public static boolean isDark(String theme) {
        if (DARK.equals(theme)) {
            return true;
        }
        if (LIGHT.equals(theme)) {
            return false;
        }
        return systemPrefersDark();
    }

    /**
     * Sets the scene's style sheets and its fill for the theme. Before the window is first shown, the fill is also the
     * native window's background until the first frame (so a dark console never shows a white window).
     */
    public static void apply(Scene scene, boolean dark) {
        scene.setFill(background(dark));
        String light = Themes.class.getResource(CSS).toExternalForm();
        String darkCss = Themes.class.getResource(CSS_DARK).toExternalForm();
        scene.getStylesheets().removeAll(light, darkCss);
        scene.getStylesheets().add(light);
        if (dark) {
            scene.getStylesheets().add(darkCss);
        }
    }

    /** The main window's background in the theme. */
    public static Color background(boolean dark) {
        return dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
    }

    /** A dialog's background in the theme: a card's surface. */
    public static Color dialogBackground(boolean dark) {
        return dark ? DARK_SURFACE : LIGHT_SURFACE;
    }

    /** The OS's preference (blocks briefly the first time: call off the FX thread first). */
    public static boolean systemPrefersDark() {
        Boolean d = systemDark;
        if (d == null) {
            d = detect();
            systemDark = d;
        }
        return d;
    }

    private static boolean detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("win")) {
                String out = run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme");
                return out.contains("0x0");
            }
            if (os.contains("mac")) {
                return run("defaults", "read", "-g", "AppleInterfaceStyle").toLowerCase(Locale.ROOT).contains("dark");
            }
            String gtk = System.getenv("GTK_THEME");
            if (gtk != null && gtk.toLowerCase(Locale.ROOT).contains("dark")) {
                return true;
            }
            if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
                return false;
            }
            return run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme").contains("dark");
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
