package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminApi.ClientSecretInfo;
import app.scimconsole.admin.AdminApi.NewClientSecret;
import app.scimconsole.admin.AdminApi.OAuthClientInfo;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.console.common.IssuedFields;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.OverviewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Setup step 2 for the OAuth 2.0 client credentials grant: adds the client Entra uses, shows what goes into Entra's
 * Token Endpoint, Client Identifier and Client Secret fields (the secret only once, in this view model's memory), and
 * rotates with overlap: a second secret, then the first one removed once Entra uses the new one.
 */
public final class OAuthClientViewModel {
    /** The client secret's lifetime the owner chooses, in years (Microsoft asks for 1 to 3). */
    public static final List<Integer> EXPIRY_YEARS = List.of(1, 2, 3);
    private static final int DAYS_A_YEAR = 365;

    /** One live client secret as listed: what it says, and whether it may be removed (the older one of two). */
    public record SecretRow(String clientId, String secretId, String text, boolean removable) {
    }

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final OverviewModel overview;

    private final ObjectProperty<Integer> expiryYears = new SimpleObjectProperty<>(1);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty tokenEndpoint = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final StringProperty secretNote = new SimpleStringProperty("");
    private final ObservableList<SecretRow> secrets = FXCollections.observableArrayList();
    private final BooleanBinding hasClient = clientId.isNotEmpty();
    private final BooleanBinding secretKnown = clientSecret.isNotEmpty();
    /** The current client has two live secrets: a third would end the older at once, so the first must go first. */
    private final BooleanProperty rotating = new SimpleBooleanProperty();

    private final StringProperty testTokenEndpoint = new SimpleStringProperty("");
    private final StringProperty testClientId = new SimpleStringProperty("");
    private final StringProperty testClientSecret = new SimpleStringProperty("");

    public OAuthClientViewModel(UiKit ui, Supplier<AdminApi> api, OverviewModel overview) {
        this.ui = ui;
        this.api = api;
        this.overview = overview;
        IssuedFields.follow(tokenEndpoint, testTokenEndpoint);
        IssuedFields.follow(clientId, testClientId);
        IssuedFields.follow(clientSecret, testClientSecret);
        CredentialPanes.followOverview(overview, tokenEndpoint, this::apply);
    }

    private void apply(Overview o) {
        List<OAuthClientInfo> clients = o.oauthClients();
        OAuthClientInfo current = clients.isEmpty() ? null : clients.get(clients.size() - 1);
        String id = current == null ? "" : current.clientId();
        if (!id.equals(clientId.get())) {
            clientSecret.set(""); // a secret shown belongs to the client it was issued for
        }
        clientId.set(id);
        rotating.set(current != null && current.secrets().size() > 1);
        List<SecretRow> rows = new ArrayList<>();
        Instant now = ui.clock().instant();
        for (OAuthClientInfo c : clients) {
            for (ClientSecretInfo s : c.secrets()) {
                String used = s.lastUsed() == null ? ui.text("oauth.secret.neverUsed")
                        : ui.text("oauth.secret.lastUsed", ui.texts().ago(s.lastUsed(), now));
                String text = ui.text(clients.size() > 1 ? "oauth.secret.rowOfClient" : "oauth.secret.row",
                        ui.texts().time(s.created()), ui.texts().time(s.expires()), used, c.clientId());
                rows.add(new SecretRow(c.clientId(), s.id(), text, c.secrets().size() > 1 && s != last(c.secrets())));
            }
        }
        secrets.setAll(rows);
    }

    private static ClientSecretInfo last(List<ClientSecretInfo> l) {
        return l.get(l.size() - 1);
    }

    /** The choice's words: "1 year", "2 years"… */
    public String expiryText(Integer years) {
        return years == null ? "" : ui.text("oauth.expiry.years", years);
    }

    /** Adds the OAuth client, its first secret expiring after the chosen years. */
    public void addClient() {
        issue(() -> api.get().addOAuthClient(days()), "oauth.adding", "oauth.added");
    }

    /** A second secret for the current client; the first keeps working until it is removed or expires. */
    public void addSecret() {
        String id = clientId.get();
        if (id.isEmpty() || rotating.get()) {
            return;
        }
        issue(() -> api.get().rotateOAuthSecret(id, days()), "oauth.rotating", "oauth.rotated");
    }

    private int days() {
        return (expiryYears.get() == null ? 1 : expiryYears.get()) * DAYS_A_YEAR;
    }

    private void issue(java.util.concurrent.Callable<NewClientSecret> work, String running, String done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        Tasks.create(work).describedAs(ui.text(running)).onSuccess(s -> {
            tokenEndpoint.set(s.tokenEndpoint());
            clientId.set(s.clientId());
            clientSecret.set(s.clientSecret());
            secretNote.set(ui.text("oauth.secret.expires", ui.texts().time(s.expiresAt())));
            // Test what was just issued, whatever was typed into the test fields before.
            testTokenEndpoint.set(s.tokenEndpoint());
            testClientId.set(s.clientId());
            testClientSecret.set(s.clientSecret());
            ui.status().success(ui.text(done));
            overview.refresh();
        }).andFinally(() -> busy.set(false)).runOnce(ui.tasks());
    }

    /** After a confirmation, ends the older secret of a rotation now. */
    public void remove(SecretRow row) {
        if (busy.get() || row == null || !row.removable()) {
            return;
        }
        boolean sure = ui.confirmer().confirm(ui.text("oauth.remove.title"), ui.text("oauth.remove.header"),
                ui.text("oauth.remove.details"), ui.text("oauth.remove.confirm"));
        if (!sure) {
            return;
        }
        busy.set(true);
        Tasks.create(() -> api.get().retireOAuthSecret(row.clientId(), row.secretId()))
                .describedAs(ui.text("oauth.removing")).onSuccess(v -> {
                    ui.status().success(ui.text("oauth.removed"));
                    overview.refresh();
                }).andFinally(() -> busy.set(false)).runOnce(ui.tasks());
    }

    public void copyTokenEndpoint() {
        IssuedFields.copy(ui, tokenEndpoint.get(), "oauth.copied.endpoint");
    }

    public void copyClientId() {
        IssuedFields.copy(ui, clientId.get(), "oauth.copied.clientId");
    }

    public void copyClientSecret() {
        IssuedFields.copy(ui, clientSecret.get(), "oauth.copied.secret");
    }

    public ObjectProperty<Integer> expiryYearsProperty() {
        return expiryYears;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty tokenEndpointProperty() {
        return tokenEndpoint;
    }

    public ReadOnlyStringProperty clientIdProperty() {
        return clientId;
    }

    /** The client secret, only while this console run issued it; empty otherwise. */
    public ReadOnlyStringProperty clientSecretProperty() {
        return clientSecret;
    }

    /** When the secret just issued expires; empty when none was. */
    public ReadOnlyStringProperty secretNoteProperty() {
        return secretNote;
    }

    public BooleanBinding hasClientProperty() {
        return hasClient;
    }

    /** While two secrets are live, no further one is added (remove the first one once Entra uses the new). */
    public ReadOnlyBooleanProperty rotatingProperty() {
        return rotating;
    }

    public BooleanBinding secretKnownProperty() {
        return secretKnown;
    }

    /** Every live client secret, oldest first, with its expiry and last use. */
    public ObservableList<SecretRow> secrets() {
        return secrets;
    }

    public StringProperty testTokenEndpointProperty() {
        return testTokenEndpoint;
    }

    public StringProperty testClientIdProperty() {
        return testClientId;
    }

    public StringProperty testClientSecretProperty() {
        return testClientSecret;
    }
}
