package app.scimconsole.console.context;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.console.common.Problems.PlainException;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.ConsoleSettings;
import app.scimconsole.console.context.ServiceConnection;
import app.scimconsole.domains.DnsChecker;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The console's one connection to a service, and its state for the header and banners. Opening (starting the
 * embedded service, or checking a remote one) and closing run in the background.
 */
public final class ConnectionModel {
    public enum State { CONNECTING, CONNECTED, FAILED }

    private final UiKit ui;
    private final Function<ConsoleSettings.Connection, ServiceConnection> opener;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.CONNECTING);
    private final ObjectProperty<ServiceConnection> connection = new SimpleObjectProperty<>();
    private final ObjectProperty<ConsoleSettings.Connection> target = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty changeProblem = new SimpleStringProperty("");
    private final BooleanProperty changing = new SimpleBooleanProperty();
    private long attempt;

    public ConnectionModel(UiKit ui, Function<ConsoleSettings.Connection, ServiceConnection> opener) {
        this.ui = ui;
        this.opener = opener;
    }

    /** Closes the current connection (if any) and opens {@code wanted}. */
    public void connect(ConsoleSettings.Connection wanted) {
        connect(wanted, () -> { });
    }

    /**
     * Shows {@code wanted} as being opened ("starting…") without opening it yet: the window's first frame tells the
     * truth while the service itself starts after that frame ({@link #connect} follows).
     */
    public void announce(ConsoleSettings.Connection wanted) {
        target.set(wanted);
        state.set(State.CONNECTING);
        problem.set("");
        changeProblem.set("");
        description.set(wanted.mode() == ConsoleSettings.Mode.EMBEDDED ? ui.text("connection.starting")
                : ui.text("connection.connecting", wanted.remoteUrl()));
        ui.status().idle(description.get()); // the status bar too, from the first frame: not "Ready" yet
    }

    private void connect(ConsoleSettings.Connection wanted, Runnable onConnected) {
        long mine = ++attempt;
        ServiceConnection old = connection.get();
        connection.set(null);
        announce(wanted);
        Tasks.create(() -> {
            if (old != null) {
                old.close();
            }
            return opener.apply(wanted);
        }).describedAs(description.get()).onSuccess(c -> {
            if (mine != attempt) {
                c.close();
                return;
            }
            connection.set(c);
            state.set(State.CONNECTED);
            description.set(c.mode() == ConsoleSettings.Mode.EMBEDDED ? ui.text("connection.embedded", c.location())
                    : ui.text("connection.remote", c.location()));
            ui.status().idle(description.get());
            onConnected.run();
        }).onError(message -> {
            if (mine != attempt) {
                return;
            }
            state.set(State.FAILED);
            problem.set(message);
            description.set(ui.text("connection.failed"));
            ui.status().idle(description.get()); // the window's connection banner shows the problem
        }).runOnce(ui.tasks());
    }

    /**
     * Changes to {@code wanted} only if it works: while a connection works, the new one is opened beside it and the
     * console switches (closing the old one, then running {@code onSwitched}, where the caller saves the choice) only
     * once it opened; a failure leaves the working connection as it was and says why in {@link #changeProblemProperty()}.
     * Without a working connection there is nothing to keep, and this connects as {@link #connect} does.
     */
    public void change(ConsoleSettings.Connection wanted, Runnable onSwitched) {
        ServiceConnection current = connection.get();
        if (current == null) {
            connect(wanted, onSwitched);
            return;
        }
        changeProblem.set("");
        if (current.mode() == ConsoleSettings.Mode.EMBEDDED && wanted.mode() == ConsoleSettings.Mode.EMBEDDED) {
            target.set(wanted);
            onSwitched.run(); // the embedded service already runs: there is nothing to open
            return;
        }
        long mine = ++attempt;
        changing.set(true);
        String trying = wanted.mode() == ConsoleSettings.Mode.EMBEDDED ? ui.text("connection.starting")
                : ui.text("connection.connecting", wanted.remoteUrl());
        Tasks.create(() -> opener.apply(wanted)).describedAs(trying).onSuccess(c -> {
            if (mine != attempt) {
                c.close();
                return;
            }
            ServiceConnection old = connection.get();
            connection.set(c);
            target.set(wanted);
            state.set(State.CONNECTED);
            description.set(c.mode() == ConsoleSettings.Mode.EMBEDDED ? ui.text("connection.embedded", c.location())
                    : ui.text("connection.remote", c.location()));
            ui.status().idle(description.get());
            onSwitched.run();
            if (old != null) {
                Tasks.create(old::close).quiet().onError(m -> { }).runOnce(ui.tasks());
            }
        }).onError(message -> {
            if (mine != attempt) {
                return;
            }
            String where = wanted.mode() == ConsoleSettings.Mode.EMBEDDED ? ui.text("connection.here")
                    : wanted.remoteUrl();
            changeProblem.set(ui.text("connection.changeFailed", where, message, description.get()));
            ui.status().idle(ui.text("connection.kept", description.get()));
        }).andFinally(() -> {
            if (mine == attempt) {
                changing.set(false);
            }
        }).runOnce(ui.tasks());
    }

    /** Tries the last target again. */
    public void retry() {
        if (target.get() != null) {
            connect(target.get());
        }
    }

    /** The admin API of the current connection; throws a plain failure when there is none yet. */
    public AdminApi api() {
        ServiceConnection c = connection.get();
        if (c == null) {
            throw new PlainException(ui.text("connection.notConnected"));
        }
        return c.api();
    }

    /**
     * Whether a service is connected now: what a page shown now can read from. Before the first connection (the
     * embedded service starts after the window's first frame) a read could only fail with "not connected yet".
     */
    public boolean isConnected() {
        return connection.get() != null;
    }

    /** The DNS checker for live domain checks, or the system resolver's when not connected. */
    public DnsChecker dnsChecker() {
        ServiceConnection c = connection.get();
        return c == null ? DnsChecker.usingSystemResolver() : c.dnsChecker();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyObjectProperty<ServiceConnection> connectionProperty() {
        return connection;
    }

    public ReadOnlyObjectProperty<ConsoleSettings.Connection> targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    /**
     * Why the last change of connection failed (the working connection was kept), in plain words; empty when the last
     * change worked or none was tried.
     */
    public ReadOnlyStringProperty changeProblemProperty() {
        return changeProblem;
    }

    /** The owner read why the last change failed. */
    public void dismissChangeProblem() {
        changeProblem.set("");
    }

    /** True while a new connection is tried beside the working one. */
    public ReadOnlyBooleanProperty changingProperty() {
        return changing;
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    /** Closes the connection now, on the calling thread (at exit). */
    public void closeNow() {
        attempt++;
        ServiceConnection c = connection.get();
        connection.set(null);
        if (c != null) {
            c.close();
        }
    }
}
