package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminApi.FederationTrust;
import app.scimconsole.admin.AdminApi.NewFederationTrust;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.console.common.IssuedFields;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.OverviewModel;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Setup step 2 for workload identity federation: the owner types what Entra shows for its workload identity (the
 * tenant ID, the subject, the audience), adds the trust, and copies the Token Endpoint and Client Identifier into
 * Entra. No secret exists. Trusts are listed with their creation and last use, so the owner sees when Entra used one.
 */
public final class FederationViewModel {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Entra shows the tenant inside its Issuer, {@code https://login.microsoftonline.com/<tenant>/v2.0}. */
    private static final Pattern ISSUER = Pattern.compile("https://login\\.microsoftonline\\.com/([^/]+)/v2\\.0/?");

    /** One live trust as listed: what it says, and its client id for Remove. */
    public record TrustRow(String clientId, String text) {
    }

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final OverviewModel overview;

    private final StringProperty entraTenant = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty audience = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty tokenEndpoint = new SimpleStringProperty("");
    private final StringProperty clientId = new SimpleStringProperty("");
    private final ObservableList<TrustRow> trusts = FXCollections.observableArrayList();
    private final BooleanBinding hasTrust = clientId.isNotEmpty();
    private final StringProperty testTokenEndpoint = new SimpleStringProperty("");
    private final StringProperty testClientId = new SimpleStringProperty("");

    public FederationViewModel(UiKit ui, Supplier<AdminApi> api, OverviewModel overview) {
        this.ui = ui;
        this.api = api;
        this.overview = overview;
        IssuedFields.follow(tokenEndpoint, testTokenEndpoint);
        IssuedFields.follow(clientId, testClientId);
        CredentialPanes.followOverview(overview, tokenEndpoint, this::apply);
    }

    private void apply(Overview o) {
        List<FederationTrust> live = o.federationTrusts();
        // The newest trust is the one to paste into Entra (during a rotation, the old one only waits to be removed).
        clientId.set(live.isEmpty() ? "" : live.get(live.size() - 1).clientId());
        Instant now = ui.clock().instant();
        trusts.setAll(live.stream().map(t -> new TrustRow(t.clientId(), ui.text("federation.trust.row", t.clientId(),
                t.subject(), ui.texts().time(t.createdAt()), lastUse(t.lastUsedAt(), now)))).toList());
    }

    private String lastUse(Instant lastUsed, Instant now) {
        return lastUsed == null ? ui.text("federation.trust.neverUsed")
                : ui.text("federation.trust.lastUsed", ui.texts().ago(lastUsed, now));
    }

    /**
     * The Entra tenant ID as typed: a GUID, or Entra's Issuer with the GUID inside it; null when it is neither.
     */
    static String tenantOf(String typed) {
        String v = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        Matcher issuer = ISSUER.matcher(v);
        if (issuer.matches()) {
            v = issuer.group(1);
        }
        return GUID.matcher(v).matches() ? v : null;
    }

    /** The live trust with this client id, as last read; null when there is none. */
    public FederationTrust trust(String clientId) {
        Overview o = overview.get();
        return o == null ? null : o.federationTrusts().stream().filter(t -> t.clientId().equals(clientId)).findFirst()
                .orElse(null);
    }

    /** Checks what was typed, then adds the trust; the service's own refusals are shown by their reasons. */
    public void addTrust() {
        if (busy.get()) {
            return;
        }
        String tenant = tenantOf(entraTenant.get());
        String missing = tenant == null ? "federation.invalid.tenant"
                : subject.get().isBlank() ? "federation.invalid.subject"
                : audience.get().isBlank() ? "federation.invalid.audience" : null;
        if (missing != null) {
            problem.set(ui.text(missing));
            return;
        }
        problem.set("");
        busy.set(true);
        NewFederationTrust trust = new NewFederationTrust(tenant, subject.get().strip(), audience.get().strip(), null);
        Tasks.create(() -> api.get().addFederationTrust(trust)).describedAs(ui.text("federation.adding"))
                .onSuccess(added -> {
                    tokenEndpoint.set(added.tokenEndpoint());
                    clientId.set(added.clientId());
                    // Test what was just added, whatever was typed into the test fields before.
                    testTokenEndpoint.set(added.tokenEndpoint());
                    testClientId.set(added.clientId());
                    subject.set("");
                    audience.set("");
                    ui.status().success(ui.text("federation.added"));
                    overview.refresh();
                }).onError(problem::set).andFinally(() -> busy.set(false)).runOnce(ui.tasks());
    }

    /** After a confirmation, removes the trust: Entra can no longer obtain tokens with it, on every instance. */
    public void remove(TrustRow row) {
        if (busy.get() || row == null) {
            return;
        }
        boolean sure = ui.confirmer().confirm(ui.text("federation.remove.title"),
                ui.text("federation.remove.header", row.clientId()), ui.text("federation.remove.details"),
                ui.text("federation.remove.confirm"));
        if (!sure) {
            return;
        }
        busy.set(true);
        Tasks.create(() -> api.get().removeFederationTrust(row.clientId()))
                .describedAs(ui.text("federation.removing")).onSuccess(v -> {
                    ui.status().success(ui.text("federation.removed"));
                    overview.refresh();
                }).andFinally(() -> busy.set(false)).runOnce(ui.tasks());
    }

    public void copyTokenEndpoint() {
        IssuedFields.copy(ui, tokenEndpoint.get(), "oauth.copied.endpoint");
    }

    public void copyClientId() {
        IssuedFields.copy(ui, clientId.get(), "oauth.copied.clientId");
    }

    /** What the owner types: Entra's tenant ID (or its Issuer, which contains it). */
    public StringProperty entraTenantProperty() {
        return entraTenant;
    }

    /** What the owner types: Entra's Subject (sub). */
    public StringProperty subjectProperty() {
        return subject;
    }

    /** What the owner types: Entra's Audience (aud). */
    public StringProperty audienceProperty() {
        return audience;
    }

    /** Why the trust was not added, in the owner's language; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty tokenEndpointProperty() {
        return tokenEndpoint;
    }

    /** The newest live trust's client id: what goes into Entra's Client Identifier field; empty without a trust. */
    public ReadOnlyStringProperty clientIdProperty() {
        return clientId;
    }

    public BooleanBinding hasTrustProperty() {
        return hasTrust;
    }

    /** Every live trust, oldest first, with its creation and last use. */
    public ObservableList<TrustRow> trusts() {
        return trusts;
    }

    public StringProperty testTokenEndpointProperty() {
        return testTokenEndpoint;
    }

    public StringProperty testClientIdProperty() {
        return testClientId;
    }
}
