package app.scimconsole.console.setup;

import app.scimconsole.console.context.SettingsStore;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.net.URI;

/**
 * Step 1: where the service will run (the one decision everything else depends on: Entra calls from Microsoft's cloud
 * and needs a public HTTPS address), and what the owner needs before starting, as ticks remembered across restarts.
 */
public final class ChecklistViewModel {
    /** Checklist item ids, stored in the settings. */
    public static final String ROLE = "before.role";
    public static final String OWNER = "before.owner";
    public static final String DNS = "before.dns";
    public static final String PUBLIC = "before.public";
    /** The deployment chosen, stored in the settings as one of these ids. */
    public static final String DEPLOY_EMBEDDED = "deploy.embedded";
    public static final String DEPLOY_SERVER = "deploy.server";

    /** Where the SCIM service runs: inside this console on this computer, or headless ({@code serve}) on a server. */
    public enum Deployment { EMBEDDED, SERVER }

    private final BooleanProperty role = new SimpleBooleanProperty();
    private final BooleanProperty owner = new SimpleBooleanProperty();
    private final BooleanProperty dns = new SimpleBooleanProperty();
    private final BooleanProperty publicAddress = new SimpleBooleanProperty();
    private final ObjectProperty<Deployment> deployment = new SimpleObjectProperty<>();
    private final BooleanBinding complete;
    /** The port a proxy or tunnel forwards to for the embedded service: the one it listens on, once known. */
    private final StringProperty embeddedPort = new SimpleStringProperty(
            Integer.toString(app.scimconsole.http.ServiceConfig.DEFAULT_PORT));
    private final Runnable openConnection;
    private final Runnable openSettings;

    public ChecklistViewModel(SettingsStore settings) {
        this(settings, () -> { }, () -> { });
    }

    /** {@code openConnection} and {@code openSettings} show those sections (where a server, or the public URL, is set). */
    public ChecklistViewModel(SettingsStore settings, Runnable openConnection, Runnable openSettings) {
        this.openConnection = openConnection;
        this.openSettings = openSettings;
        bind(settings, role, ROLE);
        bind(settings, owner, OWNER);
        bind(settings, dns, DNS);
        bind(settings, publicAddress, PUBLIC);
        var checked = settings.current().wizard().checked();
        deployment.set(checked.contains(DEPLOY_SERVER) ? Deployment.SERVER
                : checked.contains(DEPLOY_EMBEDDED) ? Deployment.EMBEDDED : null);
        deployment.addListener((o, was, now) -> settings.update(s -> s.withWizard(s.wizard()
                .withChecked(DEPLOY_EMBEDDED, now == Deployment.EMBEDDED)
                .withChecked(DEPLOY_SERVER, now == Deployment.SERVER))));
        complete = Bindings.createBooleanBinding(() -> deployment.get() != null && publicAddress.get() && role.get()
                && owner.get() && dns.get(), deployment, publicAddress, role, owner, dns);
    }

    /** The embedded service answers at {@code location} (its base URL): step 1 names its port, not the default's. */
    public void embeddedAt(String location) {
        try {
            int port = URI.create(location).getPort();
            if (port > 0) {
                embeddedPort.set(Integer.toString(port));
            }
        } catch (IllegalArgumentException | NullPointerException notAUrl) {
            // keeps the port it named before: a description without an address says nothing about the port
        }
    }

    public StringProperty embeddedPortProperty() {
        return embeddedPort;
    }

    private static void bind(SettingsStore settings, BooleanProperty p, String id) {
        p.set(settings.current().wizard().checked().contains(id));
        p.addListener((o, was, on) -> settings.update(s -> s.withWizard(s.wizard().withChecked(id, on))));
    }

    public ObjectProperty<Deployment> deploymentProperty() {
        return deployment;
    }

    /** The tick "Entra can reach the service at a public HTTPS address" (or will, once it is set up). */
    public BooleanProperty publicAddressProperty() {
        return publicAddress;
    }

    public BooleanProperty roleProperty() {
        return role;
    }

    public BooleanProperty ownerProperty() {
        return owner;
    }

    public BooleanProperty dnsProperty() {
        return dns;
    }

    /** True once a deployment is chosen and every item is ticked. */
    public BooleanBinding completeProperty() {
        return complete;
    }

    /** Shows the Connection section, where the console is connected to a server running {@code serve}. */
    public void openConnection() {
        openConnection.run();
    }

    /** Shows Settings, where the embedded service's public URL is entered. */
    public void openSettings() {
        openSettings.run();
    }
}
