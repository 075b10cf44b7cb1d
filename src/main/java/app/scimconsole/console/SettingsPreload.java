package app.scimconsole.console;

import app.scimconsole.console.common.Themes;
import app.scimconsole.console.context.SettingsStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The settings file and the computer's light/dark preference, read on a thread of their own while JavaFX starts its
 * toolkit (issue 21). Read in {@code init()} instead, they would wait until the toolkit is up and delay the first
 * frame by that much (the preference can mean running {@code gsettings}).
 */
final class SettingsPreload {
    private final Path folder;
    private final CompletableFuture<SettingsStore> read;

    private SettingsPreload(Path folder, CompletableFuture<SettingsStore> read) {
        this.folder = folder;
        this.read = read;
    }

    /** Starts reading the settings of {@code folder}. */
    static SettingsPreload start(Path folder) {
        return new SettingsPreload(folder,
                CompletableFuture.supplyAsync(() -> read(folder), OwnThread.named("console-settings-read")));
    }

    /** The settings of {@code wanted}: this early read's when it was of that folder and succeeded, else read now. */
    SettingsStore take(Path wanted) {
        if (folder.equals(wanted)) {
            try {
                return read.join();
            } catch (CompletionException e) {
                // read again below: SettingsStore.open says why it fell back to the defaults
            }
        }
        return read(wanted);
    }

    /** Reads the settings and the OS's preference (remembered by {@link Themes}), off the FX thread. */
    static SettingsStore read(Path folder) {
        SettingsStore settings = SettingsStore.open(folder);
        Themes.isDark(settings.current().theme());
        return settings;
    }
}
