package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.client.AdminClient;
import app.scimconsole.client.OAuthConnectionTest;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.context.OverviewModel;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceRuntime;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.testing.EntraKeys;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setup step 2 with workload identity federation, against the real service on loopback: the admin API over HTTP, the
 * token endpoint and the tenant URL. Entra is played by {@link EntraKeys} (its key set served on loopback, which this
 * runtime accepts only because it runs with the development flag), so a trust's last use is a real token request.
 */
class EnableScimFederationTest {
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String SUBJECT = "4c6c5d0e-8a5f-4a8e-9d0e-3f1f2f3f4f5f";
    static final String AUDIENCE = "api://b5ba7a93-4452-4522-aeb4-a2b5da870c16/.default";

    @TempDir
    Path data;
    ServiceRuntime runtime;
    EntraKeys entra;
    TestUi ui;
    AdminApi api;
    OverviewModel overview;
    EnableScimViewModel vm;
    FederationViewModel federation;

    void start(Locale language) throws Exception {
        runtime = ServiceRuntime.start(SqliteDirectory.open(data), new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, ServiceConfig.DEFAULT_THREADS),
                ServiceRuntime.AdminListen.loopbackAnyPort(), null, Clock.systemUTC(), new KeySetAddress(true));
        api = new AdminClient(runtime.adminUrl(), runtime.adminCredential());
        ui = new TestUi(language);
        overview = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
        OAuthConnectionTest test = new OAuthConnectionTest(Duration.ofSeconds(10));
        federation = new FederationViewModel(ui.kit, () -> api, overview);
        vm = new EnableScimViewModel(ui.kit, () -> api, overview, (u, t) -> {
            throw new AssertionError("federation never tests a secret token");
        }, () -> true, new OwnTraffic(ui.clock), new OAuthClientViewModel(ui.kit, () -> api, overview),
                (u, e, c, s) -> {
                    throw new AssertionError("federation never sends a client secret");
                }, federation, (u, e, c) -> test.runFederation(u, e, c, null));
        overview.refresh();
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (entra != null) {
            entra.close();
        }
    }

    /** The app enabled, federation chosen and one trust added, as the owner does it in English. */
    void startWithATrust() throws Exception {
        start(Locale.ENGLISH);
        vm.enable();
        vm.chooseMethod(CredentialMethod.FEDERATION);
        fill(TENANT, SUBJECT, AUDIENCE);
        federation.addTrust();
    }

    void fill(String tenant, String subject, String audience) {
        federation.entraTenantProperty().set(tenant);
        federation.subjectProperty().set(subject);
        federation.audienceProperty().set(audience);
    }

    @Test
    void whatIsTypedIsCheckedBeforeAnythingIsAddedAndTheServicesRefusalsAreSaidByTheirReasons() throws Exception {
        start(Locale.ENGLISH);
        fill(TENANT, SUBJECT, AUDIENCE);
        federation.addTrust();
        assertThat(federation.problemProperty().get()).as("before the app is enabled, the service refuses")
                .isEqualTo(ui.kit.reasons().text(app.scimconsole.admin.Reason.of("admin.federation.appNotEnabled")));

        vm.enable();
        for (String[] bad : new String[][] {{"contoso.onmicrosoft.com", SUBJECT, AUDIENCE, "federation.invalid.tenant"},
                {"", SUBJECT, AUDIENCE, "federation.invalid.tenant"},
                {TENANT + "0", SUBJECT, AUDIENCE, "federation.invalid.tenant"},
                {TENANT, "  ", AUDIENCE, "federation.invalid.subject"},
                {TENANT, SUBJECT, "", "federation.invalid.audience"}}) {
            fill(bad[0], bad[1], bad[2]);
            federation.addTrust();
            assertThat(federation.problemProperty().get()).as(String.join(" | ", bad))
                    .isEqualTo(ui.i18n.text(bad[3]));
        }
        assertThat(api.federationTrusts()).as("nothing invalid reached the service").isEmpty();

        // What only the service checks (a subject longer than it stores) comes back as its reason, in plain words.
        fill(TENANT, "s".repeat(300), AUDIENCE);
        federation.addTrust();
        assertThat(federation.problemProperty().get())
                .isEqualTo(ui.kit.reasons().text(app.scimconsole.admin.Reason.of("admin.federation.valueInvalid",
                        "subject")));
        assertThat(api.federationTrusts()).isEmpty();
    }

    @Test
    void anAddedTrustShowsEntrasFieldsAndIsListedUntilRemoved() throws Exception {
        start(Locale.ENGLISH);
        vm.enable();
        vm.chooseMethod(CredentialMethod.FEDERATION);
        assertThat(api.overview().authMethod()).isEqualTo(AdminApi.METHOD_FEDERATION);
        // Entra's Issuer may be pasted whole: the tenant ID is the GUID inside it.
        fill(EntraKeys.issuer(TENANT.toUpperCase(Locale.ROOT)), SUBJECT, AUDIENCE);
        federation.addTrust();
        assertThat(federation.problemProperty().get()).isEmpty();
        String tenant = api.overview().tenantId();
        assertThat(federation.tokenEndpointProperty().get()).endsWith("/oauth2/v1/" + tenant + "/token");
        assertThat(federation.clientIdProperty().get()).startsWith("wif-");
        AdminApi.FederationTrust stored = api.federationTrusts().get(0);
        assertThat(stored.entraTenant()).isEqualTo(TENANT);
        assertThat(stored.subject()).isEqualTo(SUBJECT);
        assertThat(stored.audience()).isEqualTo("api://b5ba7a93-4452-4522-aeb4-a2b5da870c16");
        assertThat(federation.trusts()).hasSize(1);
        assertThat(federation.trusts().get(0).text()).contains(stored.clientId()).contains(SUBJECT)
                .contains(ui.i18n.text("federation.trust.neverUsed"));

        federation.copyClientId();
        assertThat(ui.lastClipboard()).isEqualTo(stored.clientId());
        assertThat(ui.lastNotice()).contains("Client Identifier field");
        federation.copyTokenEndpoint();
        assertThat(ui.lastClipboard()).isEqualTo(federation.tokenEndpointProperty().get());

        ui.confirmAnswer = false;
        federation.remove(federation.trusts().get(0));
        assertThat(ui.confirmations).containsExactly(ui.i18n.text("federation.remove.header", stored.clientId()));
        assertThat(api.federationTrusts()).as("not removed without the owner's yes").hasSize(1);
        ui.confirmAnswer = true;
        federation.remove(federation.trusts().get(0));
        assertThat(api.federationTrusts()).isEmpty();
        assertThat(federation.trusts()).isEmpty();
        assertThat(federation.clientIdProperty().get()).isEmpty();
    }

    @Test
    void testConnectionChecksWhatCanBeCheckedWithoutEntraAndShowsWhenEntraUsedTheTrust() throws Exception {
        startWithATrust();

        vm.testConnection();
        assertThat(vm.testStateProperty().get()).as(vm.testMessageProperty().get())
                .isEqualTo(EnableScimViewModel.TestState.OK);
        assertThat(vm.testMessageProperty().get())
                .startsWith(ui.kit.reasons().text(app.scimconsole.admin.Reason.of(
                        OAuthConnectionTest.SAID_FEDERATION_READY)))
                .endsWith(ui.i18n.text("federation.test.notUsedYet"));

        // Entra (played by EntraKeys) obtains a token with a second trust, whose keys it serves on loopback.
        entra = new EntraKeys(Clock.systemUTC());
        RSAKey key = EntraKeys.newKey("k1");
        entra.publish(key);
        String used = api.addFederationTrust(new AdminApi.NewFederationTrust(EntraKeys.TENANT, EntraKeys.SUBJECT,
                EntraKeys.AUDIENCE, entra.url())).clientId();
        HttpResponse<String> token = entra.obtainToken(federation.tokenEndpointProperty().get(), key, used);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        overview.refresh();
        assertThat(federation.clientIdProperty().get()).as("the newest trust is the one shown").isEqualTo(used);
        assertThat(federation.testClientIdProperty().get()).isEqualTo(used);
        assertThat(federation.trusts()).hasSize(2);
        assertThat(federation.trusts().get(0).text()).contains(ui.i18n.text("federation.trust.neverUsed"));
        assertThat(federation.trusts().get(1).text()).contains("Entra last used it");
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.OK);
        assertThat(vm.testMessageProperty().get()).contains("Entra last obtained a token with this trust at");
    }

    @Test
    void eachFailureIsSaidPlainly() throws Exception {
        startWithATrust();
        String endpoint = federation.testTokenEndpointProperty().get();

        federation.testClientIdProperty().set("wif-not-a-trust");
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.FAILED);
        assertThat(vm.testMessageProperty().get())
                .isEqualTo(ui.i18n.text("federation.test.noSuchTrust", "wif-not-a-trust"));
        federation.testClientIdProperty().set(federation.clientIdProperty().get());

        // The tenant URL where the token endpoint should be: something answers, but not as a token endpoint.
        federation.testTokenEndpointProperty().set(vm.tenantUrlProperty().get());
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).contains("but not as a token endpoint");

        federation.testTokenEndpointProperty().set(endpoint);
        vm.testUrlProperty().set(endpoint.replace("/token", "/nothing"));
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).doesNotContain("Test Connection in Entra");

        federation.testTokenEndpointProperty().set("");
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).isEqualTo(ui.i18n.text("oauth.test.needEndpoint"));
        federation.testTokenEndpointProperty().set(endpoint);
        federation.testClientIdProperty().set("");
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).isEqualTo(ui.i18n.text("federation.test.needClient"));
    }

    @Test
    void inJapaneseEverythingIsSaidInJapanese() throws Exception {
        start(Locale.JAPANESE);
        vm.enable();
        vm.chooseMethod(CredentialMethod.FEDERATION);
        fill("contoso", SUBJECT, AUDIENCE);
        federation.addTrust();
        assertThat(federation.problemProperty().get()).contains("Entra テナント ID を入力してください");
        fill(TENANT, SUBJECT, AUDIENCE);
        federation.addTrust();
        assertThat(federation.trusts().get(0).text()).contains("Entra はまだ使っていません");
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.OK);
        assertThat(vm.testMessageProperty().get()).contains("完全な確認").contains("まだこの信頼を使っていません");
    }
}
