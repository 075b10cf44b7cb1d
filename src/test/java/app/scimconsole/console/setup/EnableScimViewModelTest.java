package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminException;
import app.scimconsole.admin.Reason;
import app.scimconsole.client.ConnectionTest;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.context.OverviewModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnableScimViewModelTest {
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    final OverviewModel overview = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
    final List<String> tested = new ArrayList<>();
    ConnectionTest.Result answer = new ConnectionTest.Result(ConnectionTest.Outcome.OK,
            Reason.of(ConnectionTest.SAID_OK), 200);
    final OwnTraffic own = new OwnTraffic(ui.clock);
    final EnableScimViewModel vm = new EnableScimViewModel(ui.kit, () -> api, overview, (url, token) -> {
        tested.add(url + " " + token);
        return answer;
    }, () -> true, own, new OAuthClientViewModel(ui.kit, () -> api, overview), (u, e, c, s) -> {
        throw new AssertionError("the secret token's test never asks a token endpoint");
    }, new FederationViewModel(ui.kit, () -> api, overview), (u, e, c) -> {
        throw new AssertionError("the secret token's test never asks a token endpoint");
    });

    @Test
    void enablingShowsTheCredentialsWithTheTokenMasked() {
        vm.enable();
        assertThat(vm.enabledProperty().get()).isTrue();
        assertThat(vm.tenantUrlProperty().get()).isEqualTo("http://127.0.0.1:8089/scim/v2/t1");
        assertThat(vm.tokenProperty().get()).isEqualTo(api.nextToken);
        assertThat(vm.tokenShownProperty().get()).startsWith("••••").endsWith("0001").doesNotContain("tok-");
        vm.toggleReveal();
        assertThat(vm.tokenShownProperty().get()).isEqualTo(api.nextToken);
        assertThat(vm.testUrlProperty().get()).isEqualTo(vm.tenantUrlProperty().get());
        assertThat(vm.testTokenProperty().get()).isEqualTo(api.nextToken);
        assertThat(ui.lastNotice()).contains("enabled");
        assertThat(vm.reachabilityProperty().get().level()).isEqualTo(Reachability.Level.WARNING);
    }

    @Test
    void copyPutsExactlyTheValuesOnTheClipboard() {
        vm.copyToken(); // nothing to copy yet
        assertThat(ui.clipboard).isEmpty();
        vm.enable();
        vm.copyTenantUrl();
        vm.copyToken();
        assertThat(ui.clipboard).containsExactly("http://127.0.0.1:8089/scim/v2/t1", api.nextToken);
    }

    @Test
    void aLoopbackTenantUrlIsNeverHandedOverWithoutTheWarningBesideIt() {
        assertThat(vm.urlWarningProperty().get()).as("no URL yet: nothing to warn about beside it").isEmpty();
        vm.enable();
        assertThat(ui.lastNotice()).contains("enabled").contains("cannot reach").doesNotContain("Copy the tenant URL");
        assertThat(vm.urlWarningProperty().get()).contains("Entra cannot reach this tenant URL").contains("127.0.0.1");
        vm.copyTenantUrl();
        assertThat(ui.lastClipboard()).isEqualTo("http://127.0.0.1:8089/scim/v2/t1");
        assertThat(ui.lastNotice()).startsWith("Tenant URL copied, but do not give it to Entra yet")
                .contains("127.0.0.1");
    }

    @Test
    void aPublicHttpsTenantUrlIsCopiedWithoutAWarning() {
        EnableScimViewModel onServer = new EnableScimViewModel(ui.kit, () -> api, overview, (url, token) -> answer,
                () -> false, own, new OAuthClientViewModel(ui.kit, () -> api, overview), (u, e, c, s) -> answer,
                new FederationViewModel(ui.kit, () -> api, overview), (u, e, c) -> answer);
        var o = api.overview;
        api.overview = new app.scimconsole.admin.AdminApi.Overview(o.tenantId(), "https://scim.example.com/scim/v2/t1",
                true, null, null, null, 0, 0, 0, 0, o.coverage(), List.of(), List.of(), null);
        overview.refresh();
        assertThat(onServer.urlWarningProperty().get()).isEmpty();
        onServer.copyTenantUrl();
        assertThat(ui.lastNotice()).isEqualTo("Tenant URL copied.");
    }

    @Test
    void regeneratingAsksFirstAndReplacesTheTokenEverywhere() {
        vm.enable();
        String first = vm.tokenProperty().get();
        api.nextToken = "tok-second";
        ui.confirmAnswer = false;
        vm.regenerate();
        assertThat(ui.confirmations).hasSize(1);
        assertThat(api.calls).noneMatch(c -> c.startsWith("rotate:"));
        assertThat(vm.tokenProperty().get()).isEqualTo(first);

        ui.confirmAnswer = true;
        vm.regenerate();
        assertThat(api.calls).contains("rotate:" + EnableScimViewModel.DEFAULT_OVERLAP);
        assertThat(vm.tokenProperty().get()).isEqualTo("tok-second");
        assertThat(vm.testTokenProperty().get()).isEqualTo("tok-second");
    }

    @Test
    void theOldTokenKeepsWorkingForTheChosenOverlapAndTheConfirmationSaysUntilWhen() {
        vm.enable();
        assertThat(vm.overlapProperty().get()).as("by default Entra is not broken by a new token").isEqualTo(60);
        vm.regenerate();
        assertThat(ui.confirmationDetails.get(0)).startsWith("The current token keeps working until")
                .contains(ui.kit.texts().time(ui.clock.instant().plusSeconds(3600)))
                .contains("1 more hour");
        assertThat(api.calls).contains("rotate:60");
        assertThat(ui.lastNotice()).contains("the old one keeps working until");

        vm.overlapProperty().set(0);
        vm.regenerate();
        assertThat(ui.confirmationDetails.get(1)).startsWith("The current token stops working at once");
        assertThat(api.calls).contains("rotate:0");
        assertThat(ui.lastNotice()).contains("the old one no longer works");
        assertThat(EnableScimViewModel.OVERLAPS).allSatisfy(m -> assertThat(vm.overlapText(m)).doesNotStartWith("!"));
    }

    @Test
    void duringTheOverlapBothTokensAreShownWithTheirLastUse() {
        vm.enable();
        java.time.Instant now = ui.clock.instant();
        var o = api.overview;
        api.overview = new app.scimconsole.admin.AdminApi.Overview(o.tenantId(), o.tenantUrl(), true, now, now, null,
                0, 0, 0, 0, o.coverage(), List.of(), List.of(
                        new app.scimconsole.admin.AdminApi.TokenInfo(now.minusSeconds(60), null, null),
                        new app.scimconsole.admin.AdminApi.TokenInfo(now.minusSeconds(86400), now.minusSeconds(300),
                                now.plusSeconds(3540))), null);
        overview.refresh();
        assertThat(vm.tokenNoteProperty().get().split("\n")).containsExactly(
                "New token: created " + ui.kit.texts().time(now.minusSeconds(60)) + "; never used yet.",
                "Previous token: keeps working until " + ui.kit.texts().time(now.plusSeconds(3540))
                        + "; last used 5 minutes ago.");
    }

    @Test
    void aTokenTypedIntoTheTestFieldIsKeptWhenANewOneIsIssued() {
        vm.enable();
        vm.testTokenProperty().set("pasted-from-entra");
        api.nextToken = "tok-third";
        vm.regenerate();
        assertThat(vm.testTokenProperty().get()).isEqualTo("pasted-from-entra");
    }

    @Test
    void testConnectionReportsTheOutcomeInPlainWords() {
        vm.enable();
        vm.testConnection();
        assertThat(tested).containsExactly("http://127.0.0.1:8089/scim/v2/t1 " + api.nextToken);
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.OK);

        answer = new ConnectionTest.Result(ConnectionTest.Outcome.UNAUTHORIZED,
                Reason.of(ConnectionTest.SAID_TOKEN_REFUSED, 401), 401);
        vm.testConnection();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).contains("refused the secret token (HTTP 401)");
    }

    @Test
    void whatWasTypedIntoTheTestFieldsBeforeEnablingIsReplacedByTheNewCredentials() {
        vm.testUrlProperty().set("https://typed.example.com/scim/v2/x");
        vm.testTokenProperty().set("typed-before-enabling");
        vm.enable();
        assertThat(vm.testUrlProperty().get()).isEqualTo("http://127.0.0.1:8089/scim/v2/t1");
        assertThat(vm.testTokenProperty().get()).isEqualTo(api.nextToken);
        vm.testConnection();
        assertThat(tested).containsExactly("http://127.0.0.1:8089/scim/v2/t1 " + api.nextToken);
    }

    @Test
    void beforeEnablingARefusedTestSaysTheAppIsOffNotThatTheTokenIsWrong() {
        overview.refresh();
        assertThat(vm.knownProperty().get()).isTrue();
        assertThat(vm.enabledProperty().get()).isFalse();
        vm.testTokenProperty().set("anything");
        answer = new ConnectionTest.Result(ConnectionTest.Outcome.UNAUTHORIZED,
                Reason.of(ConnectionTest.SAID_TOKEN_REFUSED, 401), 401);
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).contains("SCIM app is not enabled yet").doesNotContain("refused the secret token");

        vm.testUrlProperty().set("https://another.example.com/scim/v2/t9"); // not this service: its token may be wrong
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).contains("refused the secret token");
    }

    @Test
    void beforeEnablingAMissingTokenPointsAtEnablingNotAtAButtonThatIsNotThereYet() {
        overview.refresh();
        vm.testConnection();
        assertThat(vm.testMessageProperty().get()).contains("enabling it issues the token").doesNotContain("generate");
    }

    @Test
    void neitherEnabledNorNotEnabledIsKnownBeforeTheServiceWasRead() {
        assertThat(vm.knownProperty().get()).isFalse();
        api.failure = new AdminException(0, "The service at 127.0.0.1:8090 is not running or not reachable.");
        overview.refresh();
        assertThat(vm.knownProperty().get()).isFalse();
        api.failure = null;
        overview.refresh();
        assertThat(vm.knownProperty().get()).isTrue();
    }

    @Test
    void testingWithoutATokenSaysWhatIsMissing() {
        vm.testUrlProperty().set("https://scim.example.com/scim/v2/t1");
        vm.testConnection();
        assertThat(tested).isEmpty();
        assertThat(vm.testStateProperty().get()).isEqualTo(EnableScimViewModel.TestState.FAILED);
        assertThat(vm.testMessageProperty().get()).contains("secret token");
    }

    @Test
    void theConsolesOwnTestIsRemembered() {
        vm.enable();
        vm.testConnection();
        assertThat(own.explains(ui.clock.instant())).isTrue();
        assertThat(own.explains(ui.clock.instant().plusSeconds(60))).isFalse();
    }

    @Test
    void afterARestartTheTokenIsUnknownAndItsAgeIsShown() {
        api.enableScim();
        api.calls.clear();
        ui.clock.advance(Duration.ofDays(2));
        overview.refresh();
        assertThat(vm.enabledProperty().get()).isTrue();
        assertThat(vm.tokenKnownProperty().get()).isFalse();
        assertThat(vm.tokenNoteProperty().get()).contains("was never used yet");
    }

    @Test
    void aFailureIsShownAsItsPlainMessage() {
        api.failure = new AdminException(0, "The service at 127.0.0.1:8090 is not running or not reachable.");
        vm.enable();
        assertThat(vm.enabledProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(ui.lastNotice()).isEqualTo("The service at 127.0.0.1:8090 is not running or not reachable.");
    }
}
