package app.scimconsole.console.context;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the console remembers between runs ({@code console.json} in the data folder): how to reach the service,
 * the setup wizard's progress, and window and language preferences. Never the SCIM secret token.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsoleSettings(Connection connection, Wizard wizard, WindowBounds window, String language,
        String theme, String lastView) {

    public enum Mode { EMBEDDED, REMOTE }

    /** {@code remoteUrl} is the admin URL {@code serve} prints; the credential is the admin credential it issued. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Connection(Mode mode, String remoteUrl, String adminCredential) {
        public Connection {
            mode = mode == null ? Mode.EMBEDDED : mode;
        }

        public static Connection embedded() {
            return new Connection(Mode.EMBEDDED, null, null);
        }

        public Connection withAdminCredential(String credential) {
            return new Connection(mode, remoteUrl, credential);
        }
    }

    /** The wizard's step and the owner's own ticks (checklist items, "I did this in Entra"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Wizard(String step, Set<String> checked) {
        public Wizard {
            checked = checked == null ? Set.of() : Set.copyOf(checked);
        }

        public Wizard withStep(String newStep) {
            return new Wizard(newStep, checked);
        }

        public Wizard withChecked(String id, boolean on) {
            Set<String> next = new LinkedHashSet<>(checked);
            if (on) {
                next.add(id);
            } else {
                next.remove(id);
            }
            return new Wizard(step, next);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public ConsoleSettings {
        connection = connection == null ? Connection.embedded() : connection;
        wizard = wizard == null ? new Wizard(null, Set.of()) : wizard;
    }

    public static ConsoleSettings defaults() {
        return new ConsoleSettings(null, null, null, null, null, null);
    }

    public ConsoleSettings withConnection(Connection c) {
        return new ConsoleSettings(c, wizard, window, language, theme, lastView);
    }

    public ConsoleSettings withWizard(Wizard w) {
        return new ConsoleSettings(connection, w, window, language, theme, lastView);
    }

    public ConsoleSettings withWindow(WindowBounds w) {
        return new ConsoleSettings(connection, wizard, w, language, theme, lastView);
    }

    public ConsoleSettings withLanguage(String l) {
        return new ConsoleSettings(connection, wizard, window, l, theme, lastView);
    }

    public ConsoleSettings withTheme(String t) {
        return new ConsoleSettings(connection, wizard, window, language, t, lastView);
    }

    public ConsoleSettings withLastView(String v) {
        return new ConsoleSettings(connection, wizard, window, language, theme, v);
    }

    @Override
    public String toString() {
        // The admin credential is a secret: keep it out of logs.
        return "ConsoleSettings[mode=" + connection.mode() + ", remoteUrl=" + connection.remoteUrl() + ", wizard="
                + wizard + ", language=" + language + ", theme=" + theme + "]";
    }
}
