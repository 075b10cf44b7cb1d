package app.scimconsole.console.connection;

import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.ConnectionModel;
import app.scimconsole.console.context.ConsoleSettings;
import app.scimconsole.console.context.CredentialPlace;
import app.scimconsole.console.context.SettingsStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Connection page: run the service here (embedded) or connect to a {@code serve} elsewhere. The choice, the URL
 * and the admin credential are remembered (never the SCIM secret token); the page says where the credential is
 * kept: the operating system's credential store, or {@code console.json} and why.
 */
public final class ConnectionViewModel {
    private final UiKit ui;
    private final SettingsStore settings;
    private final ConnectionModel connection;
    private final Path dataFolder;
    private final ObjectProperty<ConsoleSettings.Mode> mode = new SimpleObjectProperty<>();
    private final StringProperty remoteUrl = new SimpleStringProperty("");
    private final StringProperty credential = new SimpleStringProperty("");
    private final StringProperty credentialPlace = new SimpleStringProperty("");
    private final StringBinding urlError;
    private final BooleanBinding canConnect;
    private final StringBinding current;

    public ConnectionViewModel(UiKit ui, SettingsStore settings, ConnectionModel connection, Path dataFolder) {
        this.ui = ui;
        this.settings = settings;
        this.connection = connection;
        this.dataFolder = dataFolder;
        ConsoleSettings.Connection saved = settings.current().connection();
        mode.set(saved.mode());
        remoteUrl.set(saved.remoteUrl() == null ? "" : saved.remoteUrl());
        credential.set(saved.adminCredential() == null ? "" : saved.adminCredential());
        urlError = Bindings.createStringBinding(() -> mode.get() == ConsoleSettings.Mode.REMOTE && !remoteUrl.get().isBlank()
                && !isHttpUrl(remoteUrl.get()) ? ui.text("connection.url.invalid") : null, mode, remoteUrl);
        canConnect = Bindings.createBooleanBinding(() -> !connection.changingProperty().get()
                && (mode.get() == ConsoleSettings.Mode.EMBEDDED || isHttpUrl(remoteUrl.get()) && !credential.get().isBlank()),
                mode, remoteUrl, credential, connection.changingProperty());
        current = Bindings.createStringBinding(() -> ui.text("connection.current", connection.descriptionProperty().get()),
                connection.descriptionProperty());
        credentialPlace.set(ui.text("credential.checking"));
        showCredentialPlace();
    }

    /** Asks the settings where the credential is kept (off the FX thread: the store may answer slowly). */
    private void showCredentialPlace() {
        Tasks.create(settings::credentialPlace).quiet().onSuccess(this::showPlace).runOnce(ui.tasks());
    }

    private void showPlace(CredentialPlace place) {
        credentialPlace.set(ui.text(place.messageKey()));
        String kept = settings.current().connection().adminCredential();
        if (credential.get().isBlank() && kept != null) {
            credential.set(kept); // loaded from the credential store
        }
    }

    /** True for an absolute http(s) URL with a host. */
    public static boolean isHttpUrl(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        try {
            URI u = URI.create(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Tries the choice; switches to it and remembers it only when it works. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        ConsoleSettings.Connection c = mode.get() == ConsoleSettings.Mode.EMBEDDED
                ? new ConsoleSettings.Connection(ConsoleSettings.Mode.EMBEDDED, blankToNull(remoteUrl.get()),
                        blankToNull(credential.get()))
                : new ConsoleSettings.Connection(ConsoleSettings.Mode.REMOTE, remoteUrl.get().strip(), credential.get().strip());
        // Saved only once it works: a mistyped credential must neither drop the working connection nor be the one
        // the next start tries.
        connection.change(c, () -> {
            settings.update(s -> s.withConnection(c));
            ui.status().success(ui.text("connection.saved"));
            showCredentialPlace(); // the store may have refused it: then the file keeps it, and the page says so
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String embeddedHint() {
        return ui.text("connection.mode.embedded.hint", dataFolder);
    }

    public ObjectProperty<ConsoleSettings.Mode> modeProperty() {
        return mode;
    }

    public StringProperty remoteUrlProperty() {
        return remoteUrl;
    }

    public StringProperty credentialProperty() {
        return credential;
    }

    /** Where the admin credential is kept, as a sentence. */
    public StringProperty credentialPlaceProperty() {
        return credentialPlace;
    }

    public StringBinding urlErrorProperty() {
        return urlError;
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    public StringBinding currentProperty() {
        return current;
    }
}
