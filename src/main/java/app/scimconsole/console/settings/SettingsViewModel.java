package app.scimconsole.console.settings;

import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.Themes;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.SettingsStore;
import app.scimconsole.http.SavedServiceConfig;
import app.scimconsole.http.ServiceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings view: language (applied when the console restarts), theme (applied at once), the embedded
 * service's public URL and port (saved in {@code service.properties}, applied when the embedded service restarts),
 * and the data folder.
 */
public final class SettingsViewModel {
    public enum Language {
        ENGLISH("en"), JAPANESE("ja");

        private final String tag;

        Language(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }

        public static Language of(Locale l) {
            return "ja".equals(l.getLanguage()) ? JAPANESE : ENGLISH;
        }
    }

    private final UiKit ui;
    private final SettingsStore settings;
    private final Path dataFolder;
    private final Consumer<Boolean> themeApplier;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>();
    private final StringProperty theme = new SimpleStringProperty();
    private final StringProperty languageNote = new SimpleStringProperty("");
    private final StringProperty publicUrl = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty serviceNote = new SimpleStringProperty("");
    private final BooleanProperty serviceLoaded = new SimpleBooleanProperty();
    private ServiceConfig saved;

    public SettingsViewModel(UiKit ui, SettingsStore settings, Path dataFolder, Consumer<Boolean> themeApplier) {
        this.ui = ui;
        this.settings = settings;
        this.dataFolder = dataFolder;
        this.themeApplier = themeApplier;
        language.set(Language.of(ui.i18n().locale()));
        String t = settings.current().theme();
        theme.set(t == null ? Themes.SYSTEM : t);
        language.addListener((o, was, now) -> {
            settings.update(s -> s.withLanguage(now.tag()));
            boolean same = now == Language.of(ui.i18n().locale());
            languageNote.set(same ? "" : ui.text("settings.language.restart"));
        });
        theme.addListener((o, was, now) -> {
            settings.update(s -> s.withTheme(now));
            themeApplier.accept(Themes.isDark(now));
        });
    }

    /** Reads the saved service settings (in the background). */
    public void load() {
        Tasks.create(() -> SavedServiceConfig.load(dataFolder)).quiet().onSuccess(c -> {
            saved = c;
            publicUrl.set(c.publicUrl() == null ? "" : c.publicUrl());
            port.set(Integer.toString(c.port()));
            serviceLoaded.set(true);
        }).onError(serviceNote::set).runOnce(ui.tasks());
    }

    /** A plain sentence when the port or URL cannot be used; null when both can. */
    public String validate() {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            return ui.text("settings.port.invalid");
        }
        if (p < 1 || p > 65535) {
            return ui.text("settings.port.invalid");
        }
        String u = publicUrl.get().strip();
        if (!u.isEmpty()) {
            try {
                URI uri = new URI(u);
                if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    return ui.text("settings.url.invalid");
                }
            } catch (Exception e) {
                return ui.text("settings.url.invalid");
            }
        }
        return null;
    }

    /** Saves the public URL and port for the embedded service's next start. */
    public void saveService() {
        String error = validate();
        if (error != null) {
            serviceNote.set(error);
            return;
        }
        ServiceConfig base = saved == null ? ServiceConfig.defaults() : saved;
        String u = publicUrl.get().strip();
        ServiceConfig next = new ServiceConfig(base.bindAddress(), Integer.parseInt(port.get().strip()),
                u.isEmpty() ? null : u, base.maxBodyBytes(), base.threads());
        Tasks.create(() -> SavedServiceConfig.save(dataFolder, next)).describedAs(ui.text("settings.saving"))
                .onSuccess(v -> {
                    saved = next;
                    serviceNote.set(ui.text("settings.service.saved"));
                }).onError(serviceNote::set).runOnce(ui.tasks());
    }

    public String dataFolder() {
        return dataFolder.toAbsolutePath().toString();
    }

    /** Opens the data folder in the file manager (in the background). */
    public void openDataFolder() {
        String path = dataFolder();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String[] command = os.contains("win") ? new String[] {"explorer", path}
                : os.contains("mac") ? new String[] {"open", path} : new String[] {"xdg-open", path};
        Tasks.create(() -> {
            new ProcessBuilder(command).start();
        }).quiet().onError(m -> ui.status().error(ui.text("settings.openFailed", path))).runOnce(ui.tasks());
    }

    public void copyDataFolder() {
        ui.clipboard().copy(dataFolder());
        ui.status().success(ui.text("settings.copied"));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public StringProperty themeProperty() {
        return theme;
    }

    public StringProperty languageNoteProperty() {
        return languageNote;
    }

    public StringProperty publicUrlProperty() {
        return publicUrl;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty serviceNoteProperty() {
        return serviceNote;
    }

    public BooleanProperty serviceLoadedProperty() {
        return serviceLoaded;
    }
}
