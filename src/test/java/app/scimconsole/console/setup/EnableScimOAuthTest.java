package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.client.AdminClient;
import app.scimconsole.client.ConnectionTest;
import app.scimconsole.client.OAuthConnectionTest;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.context.OverviewModel;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceRuntime;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setup step 2 with OAuth 2.0 client credentials, against the real service on loopback: the admin API over HTTP, the
 * token endpoint and the tenant URL, each answering as it does for Entra.
 */
class EnableScimOAuthTest {
    @TempDir
    Path data;
    ServiceRuntime runtime;
    TestUi ui;
    AdminApi api;
    OverviewModel overview;
    EnableScimViewModel vm;

    void start(Locale language) throws IOException {
        runtime = ServiceRuntime.start(SqliteDirectory.open(data), new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, ServiceConfig.DEFAULT_THREADS), null, Clock.systemUTC());
        api = new AdminClient(runtime.adminUrl(), runtime.adminCredential());
        ui = new TestUi(language);
        overview = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
        OAuthConnectionTest oauthTest = new OAuthConnectionTest(Duration.ofSeconds(10));
        ConnectionTest tokenTest = new ConnectionTest(Duration.ofSeconds(10));
        vm = new EnableScimViewModel(ui.kit, () -> api, overview, (u, t) -> tokenTest.run(u, t, null), () -> true,
                new OwnTraffic(ui.clock), new OAuthClientViewModel(ui.kit, () -> api, overview),
                (u, e, c, s) -> oauthTest.run(u, e, c, s, null), new FederationViewModel(ui.kit, () -> api, overview),
                (u, e, c) -> oauthTest.runFederation(u, e, c, null));
        overview.refresh();
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theChosenMethodIsKeptByTheServiceAndTheSecretTokenIsTheDefault() throws IOException {
        start(Locale.ENGLISH);
        vm.enable();
        assertThat(vm.methodProperty().get()).isEqualTo(CredentialMethod.SECRET_TOKEN);
        vm.chooseMethod(CredentialMethod.OAUTH_CLIENT);
        assertThat(api.overview().authMethod()).isEqualTo(AdminApi.METHOD_OAUTH_CLIENT);
        // Another console reading the same service shows the same method.
        OverviewModel other = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
        EnableScimViewModel second = new EnableScimViewModel(ui.kit, () -> api, other, (u, t) -> null, () -> true,
                new OwnTraffic(ui.clock), new OAuthClientViewModel(ui.kit, () -> api, other), (u, e, c, s) -> null,
                new FederationViewModel(ui.kit, () -> api, other), (u, e, c) -> null);
        other.refresh();
        assertThat(second.methodProperty().get()).isEqualTo(CredentialMethod.OAUTH_CLIENT);
    }

    @Test
    void anAddedClientIsShownWithEntrasFieldsAndItsTestConnectionSucceeds() throws IOException {
        start(Locale.ENGLISH);
        vm.enable();
        vm.chooseMethod(CredentialMethod.OAUTH_CLIENT);
        OAuthClientViewModel oauth = vm.oauth();
        oauth.expiryYearsProperty().set(2);
        oauth.addClient();
        String tenant = api.overview().tenantId();
        assertThat(oauth.tokenEndpointProperty().get()).endsWith("/oauth2/v1/" + tenant + "/token");
        assertThat(oauth.clientIdProperty().get()).startsWith("scim-");
        assertThat(oauth.clientSecretProperty().get()).hasSizeGreaterThan(30);
        assertThat(api.overview().oauthClients().get(0).secrets().get(0).expires())
                .isBetween(java.time.Instant.now().plus(Duration.ofDays(729)), java.time.Instant.now().plus(Duration.ofDays(731)));
        assertThat(oauth.secrets()).hasSize(1);
        assertThat(oauth.secrets().get(0).text()).contains("never used yet");

        oauth.copyClientSecret();
        assertThat(ui.lastClipboard()).isEqualTo(oauth.clientSecretProperty().get());
        assertThat(ui.lastNotice()).contains("Client Secret field");

        vm.testConnection();
        assertThat(vm.testStateProperty().get()).as(vm.testMessageProperty().get())
                .isEqualTo(EnableScimViewModel.TestState.OK);
        overview.refresh();
        assertThat(oauth.secrets().get(0).text()).contains("last used");
    }

    @Test
    void eachFailureIsSaidPlainly() throws IOException {
        start(Locale.ENGLISH);
        vm.enable();
        vm.chooseMethod(CredentialMethod.OAUTH_CLIENT);
        OAuthClientViewModel oauth = vm.oauth();
        oauth.addClient();

        oauth.testClientSecretProperty().set("not-the-secret");
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).contains("refused the client identifier or the client secret")
                .contains("invalid_client");

        oauth.testClientSecretProperty().set(oauth.clientSecretProperty().get());
        String endpoint = oauth.testTokenEndpointProperty().get();
        oauth.testTokenEndpointProperty().set("http://127.0.0.1:" + closedPort() + "/oauth2/v1/x/token");
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).startsWith("The token endpoint at 127.0.0.1:")
                .contains("could not be reached");

        // A token endpoint of this service, but the tenant URL of no tenant: the access token is refused there.
        oauth.testTokenEndpointProperty().set(endpoint);
        vm.testUrlProperty().set(vm.tenantUrlProperty().get().replaceAll("/[^/]+$", "/no-such-tenant"));
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).contains("issued an access token, but the tenant URL refused it");

        vm.testUrlProperty().set(vm.tenantUrlProperty().get());
        api.disableScim();
        overview.refresh();
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).contains("SCIM app is not enabled");

        oauth.testClientIdProperty().set("");
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).isEqualTo(ui.i18n.text("oauth.test.needClient"));
    }

    @Test
    void rotationKeepsBothSecretsUntilTheFirstIsRemoved() throws IOException {
        start(Locale.ENGLISH);
        vm.enable();
        OAuthClientViewModel oauth = vm.oauth();
        oauth.addClient();
        String first = oauth.clientSecretProperty().get();
        oauth.addSecret();
        String second = oauth.clientSecretProperty().get();
        assertThat(second).isNotEqualTo(first);
        assertThat(oauth.secrets()).hasSize(2);
        assertThat(oauth.secrets().get(0).removable()).as("the older one").isTrue();
        assertThat(oauth.secrets().get(1).removable()).as("the new one").isFalse();
        assertThat(oauth.rotatingProperty().get()).as("no third secret while two are live").isTrue();
        oauth.addSecret();
        assertThat(oauth.clientSecretProperty().get()).isEqualTo(second);

        // Both work during the overlap, as Entra still holds the first.
        OAuthConnectionTest test = new OAuthConnectionTest(Duration.ofSeconds(10));
        String url = vm.tenantUrlProperty().get();
        String endpoint = oauth.tokenEndpointProperty().get();
        String client = oauth.clientIdProperty().get();
        assertThat(test.run(url, endpoint, client, first, null).ok()).isTrue();
        assertThat(test.run(url, endpoint, client, second, null).ok()).isTrue();

        oauth.remove(oauth.secrets().get(0));
        assertThat(oauth.secrets()).hasSize(1);
        assertThat(oauth.rotatingProperty().get()).isFalse();
        assertThat(test.run(url, endpoint, client, first, null).said().code())
                .isEqualTo(OAuthConnectionTest.SAID_INVALID_CLIENT);
        assertThat(test.run(url, endpoint, client, second, null).ok()).isTrue();
    }

    @Test
    void inJapaneseTheFailureIsSaidInJapanese() throws IOException {
        start(Locale.JAPANESE);
        vm.enable();
        vm.chooseMethod(CredentialMethod.OAUTH_CLIENT);
        vm.oauth().addClient();
        vm.oauth().testClientSecretProperty().set("wrong");
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).contains("トークン エンドポイントがクライアント識別子またはクライアント シークレットを拒否しました");
        assertThat(vm.oauth().secrets().get(0).text()).contains("まだ一度も使われていません");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
