package app.scimconsole.directory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;

/** Where the embedded service keeps its data: the per-user application-data folder of each OS. */
public final class DataFolder {
    static final String APP_DIR = "scim-console";
    static final String APP_DIR_TITLED = "SCIM Console";

    private DataFolder() {
    }

    /** XDG on Linux, AppData on Windows, Application Support on macOS. */
    public static Path defaultLocation() {
        return defaultLocation(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path defaultLocation(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve(APP_DIR_TITLED);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP_DIR_TITLED);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve(APP_DIR);
    }

    /** Creates the folder if needed, readable by its owner only where the file system allows it. */
    public static Path ensure(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX (Windows): the per-user AppData folder is already private to its owner.
        }
        return dir;
    }
}
