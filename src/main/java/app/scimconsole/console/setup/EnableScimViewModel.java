package app.scimconsole.console.setup;

import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.admin.AdminApi;
import app.scimconsole.client.ConnectionTest;
import app.scimconsole.console.common.Tasks;
import app.scimconsole.console.common.UiKit;
import app.scimconsole.console.context.OverviewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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
 * Step 2: enable the SCIM app, hand over the tenant URL and the secret token, and test them as Entra would.
 * The token exists only in this view model's memory, from the moment it is issued until the console closes.
 */
public final class EnableScimViewModel {
    public enum TestState { IDLE, RUNNING, OK, FAILED }

    /** Entra's "Test Connection" for the OAuth 2.0 client credentials grant: a token first, then the tenant URL. */
    @FunctionalInterface
    public interface OAuthTester {
        ConnectionTest.Result test(String tenantUrl, String tokenEndpoint, String clientId, String clientSecret);
    }

    /** What can be checked of workload identity federation without signing as Entra (see OAuthConnectionTest). */
    @FunctionalInterface
    public interface FederationTester {
        ConnectionTest.Result test(String tenantUrl, String tokenEndpoint, String clientId);
    }

    private static final String MASK = "••••••••••••••••••••••••";
    /**
     * How long the old token keeps working after a new one is issued, in minutes (as {@code scim rotate-token
     * --overlap-minutes}): long enough to paste the new one into Entra, so that no cycle fails meanwhile.
     */
    public static final List<Integer> OVERLAPS = List.of(0, 60, 240, 1440);
    public static final int DEFAULT_OVERLAP = 60;

    private final UiKit ui;
    private final Supplier<AdminApi> api;
    private final OverviewModel overview;
    private final BiFunction<String, String, ConnectionTest.Result> tester;
    private final BooleanSupplier embedded;
    private final OwnTraffic own;
    private final OAuthClientViewModel oauth;
    private final OAuthTester oauthTester;
    private final FederationViewModel federation;
    private final FederationTester federationTester;
    private final ObjectProperty<CredentialMethod> method = new SimpleObjectProperty<>(CredentialMethod.SECRET_TOKEN);
    private final javafx.collections.ObservableList<String> credentialWarnings =
            javafx.collections.FXCollections.observableArrayList();

    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final BooleanProperty known = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty tenantUrl = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final BooleanProperty revealed = new SimpleBooleanProperty();
    private final StringBinding tokenShown;
    private final BooleanBinding tokenKnown;
    private final StringProperty tokenNote = new SimpleStringProperty("");
    private final ObjectProperty<Integer> overlap = new SimpleObjectProperty<>(DEFAULT_OVERLAP);
    private final ObjectProperty<Reachability> reachability = new SimpleObjectProperty<>();
    private final StringBinding urlWarning;

    private final StringProperty testUrl = new SimpleStringProperty("");
    private final StringProperty testToken = new SimpleStringProperty("");
    private final ObjectProperty<TestState> testState = new SimpleObjectProperty<>(TestState.IDLE);
    private final StringProperty testMessage = new SimpleStringProperty("");

    public EnableScimViewModel(UiKit ui, Supplier<AdminApi> api, OverviewModel overview,
            BiFunction<String, String, ConnectionTest.Result> tester, BooleanSupplier embedded, OwnTraffic own,
            OAuthClientViewModel oauth, OAuthTester oauthTester, FederationViewModel federation,
            FederationTester federationTester) {
        this.oauth = oauth;
        this.oauthTester = oauthTester;
        this.federation = federation;
        this.federationTester = federationTester;
        this.ui = ui;
        this.api = api;
        this.overview = overview;
        this.tester = tester;
        this.embedded = embedded;
        this.own = own;
        tokenKnown = token.isNotEmpty();
        tokenShown = Bindings.createStringBinding(() -> token.get().isEmpty() ? ""
                : revealed.get() ? token.get() : MASK + token.get().substring(Math.max(0, token.get().length() - 4)),
                token, revealed);
        // Beside the tenant URL itself, so that nobody copies it into Entra without reading that Entra cannot reach it.
        urlWarning = Bindings.createStringBinding(() -> reachability.get() == null || tenantUrl.get().isEmpty()
                || reachability.get().reachable() ? "" : reachability.get().text(), reachability, tenantUrl);
        overview.overviewProperty().addListener((o, was, now) -> apply(now));
        tenantUrl.addListener((o, was, now) -> {
            if (testUrl.get().isEmpty() || testUrl.get().equals(was)) {
                testUrl.set(now);
            }
            reachability.set(Reachability.of(now, embedded.getAsBoolean(), ui.i18n()));
        });
        token.addListener((o, was, now) -> {
            if (testToken.get().isEmpty() || testToken.get().equals(was)) {
                testToken.set(now);
            }
        });
        reachability.set(Reachability.of(null, embedded.getAsBoolean(), ui.i18n()));
        apply(overview.get());
    }

    private void apply(Overview o) {
        if (o == null) {
            known.set(false); // not read (yet), or from another service: nothing is said about it
            return;
        }
        known.set(true);
        enabled.set(o.scimEnabled());
        method.set(CredentialMethod.of(o.authMethod()));
        credentialWarnings.setAll(app.scimconsole.console.common.CredentialWarnings.of(o, ui.clock().instant()).stream()
                .map(r -> ui.reasons().text(r)).toList());
        if (o.tenantUrl() != null && !o.tenantUrl().isBlank()) {
            tenantUrl.set(o.tenantUrl());
        }
        reachability.set(Reachability.of(tenantUrl.get(), embedded.getAsBoolean(), ui.i18n()));
        if (!o.scimEnabled()) {
            token.set("");
            tokenNote.set("");
        } else if (o.tokens() != null && o.tokens().size() > 1) {
            // During a rotation's overlap both tokens work: when each was last used tells whether Entra has switched.
            List<String> lines = new ArrayList<>();
            lines.add(ui.text("enable.tokens.new", ui.texts().time(o.tokens().get(0).created()),
                    used(o.tokens().get(0).lastUsed())));
            for (AdminApi.TokenInfo old : o.tokens().subList(1, o.tokens().size())) {
                lines.add(ui.text("enable.tokens.old", ui.texts().time(old.expires()), used(old.lastUsed())));
            }
            tokenNote.set(String.join("\n", lines));
        } else if (o.tokenCreated() != null) {
            tokenNote.set(ui.text("enable.tokenCreated", ui.texts().time(o.tokenCreated()),
                    used(o.tokenLastUsed())));
        }
    }

    private String used(Instant lastUsed) {
        return lastUsed == null ? ui.text("enable.tokenNeverUsed")
                : ui.text("enable.tokenLastUsed", ui.texts().ago(lastUsed, ui.clock().instant()));
    }

    /** The choice's words: "stops at once", "1 more hour", … */
    public String overlapText(Integer minutes) {
        return minutes == null ? "" : ui.text("enable.overlap." + minutes);
    }

    /** Enables the SCIM app (creating the organization if needed) and shows the new credentials. */
    public void enable() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        Tasks.create(() -> api.get().enableScim()).describedAs(ui.text("enable.enabling")).onSuccess(c -> {
            known.set(true);
            enabled.set(true);
            tenantUrl.set(c.tenantUrl());
            revealed.set(false);
            token.set(c.secretToken());
            // Whatever was typed into the test fields before could not have worked: test what was just issued.
            testUrl.set(c.tenantUrl());
            testToken.set(c.secretToken());
            testState.set(TestState.IDLE);
            testMessage.set("");
            ui.status().success(ui.text(reachable() ? "enable.enabled" : "enable.enabledUnreachable"));
            overview.refresh();
        }).andFinally(() -> busy.set(false)).runOnce(ui.tasks());
    }

    /**
     * After a confirmation: a new token; the old one keeps working for the chosen overlap (or stops at once), and the
     * confirmation says until when.
     */
    public void regenerate() {
        if (busy.get()) {
            return;
        }
        int minutes = overlap.get() == null ? 0 : overlap.get();
        Instant oldUntil = ui.clock().instant().plus(Duration.ofMinutes(minutes));
        String until = ui.texts().time(oldUntil);
        boolean sure = ui.confirmer().confirm(ui.text("enable.regenerate.title"), ui.text("enable.regenerate.header"),
                minutes == 0 ? ui.text("enable.regenerate.details")
                        : ui.text("enable.regenerate.detailsOverlap", until, overlapText(minutes)),
                ui.text("enable.regenerate.confirm"));
        if (!sure) {
            return;
        }
        busy.set(true);
        Tasks.create(() -> api.get().rotateToken(minutes)).describedAs(ui.text("enable.regenerating")).onSuccess(t -> {
            revealed.set(false);
            token.set(t);
            testState.set(TestState.IDLE);
            testMessage.set("");
            ui.status().success(minutes == 0 ? ui.text("enable.regenerated")
                    : ui.text("enable.regeneratedOverlap", until));
            overview.refresh();
        }).andFinally(() -> busy.set(false)).runOnce(ui.tasks());
    }

    public void copyTenantUrl() {
        if (!tenantUrl.get().isEmpty()) {
            ui.clipboard().copy(tenantUrl.get());
            if (reachable()) {
                ui.status().success(ui.text("enable.copiedUrl"));
            } else {
                // The warning stays beside the URL; the status bar repeats it, without covering the page.
                ui.status().info(ui.text("enable.copiedUrlUnreachable", reachability.get().text()));
            }
        }
    }

    private boolean reachable() {
        return urlWarning.get().isEmpty();
    }

    public void copyToken() {
        if (!token.get().isEmpty()) {
            ui.clipboard().copy(token.get());
            ui.status().success(ui.text("enable.copiedToken"));
        }
    }

    /** Copies the commands that run the service headless behind a reverse proxy. */
    public void copyServeCommands() {
        ui.clipboard().copy(ui.text("enable.serve.commands"));
        ui.status().success(ui.text("enable.serve.copied"));
    }

    public void toggleReveal() {
        revealed.set(!revealed.get());
    }

    /**
     * Records how Entra authenticates (the step then shows that method's credentials and test fields); the service
     * keeps the choice, so the Overview and another console show it too.
     */
    public void chooseMethod(CredentialMethod chosen) {
        if (chosen == null || chosen == method.get()) {
            return;
        }
        method.set(chosen);
        testState.set(TestState.IDLE);
        testMessage.set("");
        Tasks.create(() -> api.get().setAuthMethod(chosen.code())).describedAs(ui.text("method.saving"))
                .onSuccess(v -> overview.refresh()).runOnce(ui.tasks());
    }

    /** What Entra's "Test connection" does for the chosen method, with what is in the test fields. */
    public void testConnection() {
        if (testState.get() == TestState.RUNNING) {
            return;
        }
        if (method.get() == CredentialMethod.FEDERATION) {
            testFederation();
            return;
        }
        String url = testUrl.get().strip();
        boolean viaOAuth = method.get() == CredentialMethod.OAUTH_CLIENT;
        String secret = (viaOAuth ? oauth.testClientSecretProperty() : testToken).get().strip();
        String endpoint = oauth.testTokenEndpointProperty().get().strip();
        String client = oauth.testClientIdProperty().get().strip();
        String missing = url.isEmpty() ? "enable.test.needUrl"
                : viaOAuth && endpoint.isEmpty() ? "oauth.test.needEndpoint"
                : viaOAuth && (client.isEmpty() || secret.isEmpty()) ? "oauth.test.needClient"
                : secret.isEmpty() ? known.get() && !enabled.get() ? "enable.test.needTokenNotEnabled"
                        : "enable.test.needToken"
                : null;
        if (missing != null) {
            fail(ui.text(missing));
            return;
        }
        run(() -> viaOAuth ? oauthTester.test(url, endpoint, client, secret) : tester.apply(url, secret), r -> {
            testState.set(r.ok() ? TestState.OK : TestState.FAILED);
            // Before the SCIM app is enabled this service refuses every token: that, not the token, is the reason.
            boolean appOff = r.outcome() == ConnectionTest.Outcome.UNAUTHORIZED && known.get() && !enabled.get()
                    && url.equals(tenantUrl.get().strip());
            testMessage.set(appOff ? ui.text("enable.test.appOff") : ui.reasons().text(r.said()));
        });
    }

    /**
     * Only Entra can sign the assertion, so this checks what can be checked honestly: the Client Identifier is one of
     * this service's live trusts, the token endpoint answers as an RFC 7523 one, the tenant URL refuses a request
     * without a token. It says so, and when Entra last used the trust.
     */
    private void testFederation() {
        String url = testUrl.get().strip();
        String endpoint = federation.testTokenEndpointProperty().get().strip();
        String client = federation.testClientIdProperty().get().strip();
        String missing = url.isEmpty() ? "enable.test.needUrl"
                : endpoint.isEmpty() ? "oauth.test.needEndpoint"
                : client.isEmpty() ? "federation.test.needClient"
                : known.get() && !enabled.get() ? "enable.test.appOff"
                : null;
        if (missing != null) {
            fail(ui.text(missing));
            return;
        }
        if (known.get() && federation.trust(client) == null) {
            fail(ui.text("federation.test.noSuchTrust", client));
            return;
        }
        run(() -> federationTester.test(url, endpoint, client), r -> {
            testState.set(r.ok() ? TestState.OK : TestState.FAILED);
            String said = ui.reasons().text(r.said());
            AdminApi.FederationTrust trust = federation.trust(client);
            if (r.ok() && trust != null) {
                said += " " + (trust.lastUsedAt() == null ? ui.text("federation.test.notUsedYet")
                        : ui.text("federation.test.usedAt", ui.texts().time(trust.lastUsedAt()),
                                ui.texts().ago(trust.lastUsedAt(), ui.clock().instant())));
            }
            testMessage.set(said);
        });
    }

    private void fail(String message) {
        testState.set(TestState.FAILED);
        testMessage.set(message);
    }

    private void run(java.util.concurrent.Callable<ConnectionTest.Result> test,
            java.util.function.Consumer<ConnectionTest.Result> show) {
        testState.set(TestState.RUNNING);
        testMessage.set(ui.text("enable.test.running"));
        Tasks.create(() -> {
            Runnable done = own.begin();
            try {
                return test.call();
            } finally {
                done.run();
            }
        }).describedAs(ui.text("enable.test.running")).onSuccess(r -> {
            show.accept(r);
            overview.refresh();
        }).onError(this::fail).runOnce(ui.tasks());
    }

    /** How Entra authenticates, as chosen (the service's choice once read). */
    public ReadOnlyObjectProperty<CredentialMethod> methodProperty() {
        return method;
    }

    /** The chosen method's own credentials: the OAuth client and its secrets. */
    public OAuthClientViewModel oauth() {
        return oauth;
    }

    /** The chosen method's own credentials: the workload identity federation trusts. */
    public FederationViewModel federation() {
        return federation;
    }

    /** Warnings about credentials that expire soon or were never used, as sentences. */
    public javafx.collections.ObservableList<String> credentialWarnings() {
        return credentialWarnings;
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled;
    }

    /** True once the service's state was read: until then neither "enabled" nor "not enabled" is shown. */
    public ReadOnlyBooleanProperty knownProperty() {
        return known;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty tenantUrlProperty() {
        return tenantUrl;
    }

    /** The secret token itself; empty unless issued during this run. */
    public ReadOnlyStringProperty tokenProperty() {
        return token;
    }

    public BooleanProperty revealedProperty() {
        return revealed;
    }

    /** The token as shown: masked (with its last four characters) unless revealed. */
    public StringBinding tokenShownProperty() {
        return tokenShown;
    }

    public BooleanBinding tokenKnownProperty() {
        return tokenKnown;
    }

    /** Minutes the old token keeps working after the next "Generate a new token" (one of {@link #OVERLAPS}). */
    public ObjectProperty<Integer> overlapProperty() {
        return overlap;
    }

    public ReadOnlyStringProperty tokenNoteProperty() {
        return tokenNote;
    }

    public ReadOnlyObjectProperty<Reachability> reachabilityProperty() {
        return reachability;
    }

    /** Why Entra cannot reach the tenant URL, shown beside it; empty when it can (or no URL is known). */
    public StringBinding urlWarningProperty() {
        return urlWarning;
    }

    public StringProperty testUrlProperty() {
        return testUrl;
    }

    public StringProperty testTokenProperty() {
        return testToken;
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return testState;
    }

    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage;
    }
}
