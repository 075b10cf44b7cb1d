package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.MappingCoverage;
import app.scimconsole.admin.Reason;
import app.scimconsole.client.ConnectionTest;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.context.OverviewModel;
import app.scimconsole.console.context.SettingsStore;
import app.scimconsole.console.domains.DomainsViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupViewModelTest {
    @TempDir
    Path dir;

    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    private final List<SettingsStore> stores = new java.util.ArrayList<>();

    /** A store closed after the test, so its background writer is done before the temp folder is deleted. */
    SettingsStore store(Path folder) {
        SettingsStore s = SettingsStore.open(folder);
        stores.add(s);
        return s;
    }

    @org.junit.jupiter.api.AfterEach
    void closeStores() {
        stores.forEach(SettingsStore::close);
    }

    SetupViewModel open(SettingsStore store) {
        OverviewModel overview = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
        OwnTraffic own = new OwnTraffic(ui.clock);
        SetupViewModel vm = new SetupViewModel(ui.kit, store, new ChecklistViewModel(store),
                new EnableScimViewModel(ui.kit, () -> api, overview,
                        (u, t) -> new ConnectionTest.Result(ConnectionTest.Outcome.OK,
                                Reason.of(ConnectionTest.SAID_OK), 200), () -> true, own,
                        new OAuthClientViewModel(ui.kit, () -> api, overview), (u, e, c, s) -> {
                            throw new AssertionError("no OAuth test in this test");
                        }, new FederationViewModel(ui.kit, () -> api, overview), (u, e, c) -> {
                            throw new AssertionError("no federation test in this test");
                        }),
                new MappingsViewModel(ui.kit, overview), new FirstRequestViewModel(ui.kit, overview, own),
                new DomainsViewModel(ui.kit, () -> api, () -> c -> {
                    throw new AssertionError("no DNS in this test");
                }));
        overview.refresh();
        return vm;
    }

    @Test
    void startsAtTheFirstStepAndMovesWithinBounds() {
        SetupViewModel vm = open(store(dir));
        assertThat(vm.currentProperty().get()).isEqualTo(StepId.BEFORE);
        assertThat(vm.canGoBackProperty().get()).isFalse();
        vm.back();
        assertThat(vm.currentProperty().get()).isEqualTo(StepId.BEFORE);
        for (int i = 0; i < 10; i++) {
            vm.next();
        }
        // Next on the last step leads to the wizard's end, and from there to the Overview.
        assertThat(vm.currentProperty().get()).isEqualTo(StepId.FINISH);
        assertThat(vm.canGoNextProperty().get()).isTrue();
        int[] finished = {0};
        vm.setOnFinished(() -> finished[0]++);
        vm.next();
        assertThat(finished[0]).isEqualTo(1);
        assertThat(vm.currentProperty().get()).isEqualTo(StepId.FINISH);
        // Domains are proven before provisioning is turned on.
        assertThat(vm.openSteps()).containsExactly(StepId.BEFORE, StepId.ENABLE, StepId.ENTRA, StepId.DOMAINS,
                StepId.PROVISIONING);
        assertThat(StepId.DOMAINS.number()).isEqualTo(4);
        assertThat(StepId.PROVISIONING.number()).isEqualTo(5);
        assertThat(vm.allDoneProperty().get()).isFalse();
        assertThat(vm.stateProperty(StepId.FINISH).get()).isEqualTo("0 of 5 steps done");
        vm.enable().enable();
        assertThat(vm.openSteps()).doesNotContain(StepId.ENABLE);
        assertThat(vm.stateProperty(StepId.FINISH).get()).isEqualTo("1 of 5 steps done");
        vm.go(StepId.ENTRA);
        assertThat(vm.currentProperty().get()).isEqualTo(StepId.ENTRA);
    }

    @Test
    void theStepAndTheTicksSurviveARestart() {
        try (SettingsStore store = SettingsStore.open(dir)) {
            SetupViewModel vm = open(store);
            vm.checklist().roleProperty().set(true);
            vm.checklist().ownerProperty().set(true);
            vm.checklist().dnsProperty().set(true);
            vm.checklist().publicAddressProperty().set(true);
            vm.checklist().deploymentProperty().set(ChecklistViewModel.Deployment.SERVER);
            vm.entraDoneProperty().set(true);
            vm.go(StepId.PROVISIONING);
        }
        SetupViewModel again = open(store(dir));
        assertThat(again.currentProperty().get()).isEqualTo(StepId.PROVISIONING);
        assertThat(again.doneProperty(StepId.BEFORE).get()).isTrue();
        assertThat(again.doneProperty(StepId.ENTRA).get()).isTrue();
        assertThat(again.stateProperty(StepId.BEFORE).get()).isEqualTo("Done");
    }

    @Test
    void doneIsReadFromTheServiceWhereItCanBe() {
        SetupViewModel vm = open(store(dir));
        assertThat(vm.doneProperty(StepId.ENABLE).get()).isFalse();
        assertThat(vm.stateProperty(StepId.PROVISIONING).get()).as("the app is off: nothing to wait for").isEqualTo("SCIM app not enabled yet");
        vm.enable().enable();
        assertThat(vm.doneProperty(StepId.ENABLE).get()).isTrue();

        // All five mappings arrive: step 3 is done without the owner's tick.
        api.overview = FakeAdminApi.overview(true, null, ui.clock.instant().minusSeconds(600),
                new MappingCoverage(2, 2, 2, 2, 2, 2), List.of());
        vm.mappings(); // (shares the overview)
        SetupViewModel fresh = open(store(dir.resolve("other")));
        assertThat(fresh.doneProperty(StepId.ENTRA).get()).isTrue();
        assertThat(fresh.doneProperty(StepId.PROVISIONING).get()).isTrue();
        assertThat(fresh.doneProperty(StepId.DOMAINS).get()).isFalse();
        assertThat(fresh.stateProperty(StepId.DOMAINS).get()).isEqualTo("Not read yet");
        fresh.domains().refresh();
        assertThat(fresh.stateProperty(StepId.DOMAINS).get()).isEqualTo("To do");
    }

    @Test
    void aCycleThatWasRefusedIsNotDoneAndItsDomainIsOfferedInTheDomainsStep() {
        api.overview = FakeAdminApi.overview(true, null, ui.clock.instant().minusSeconds(60),
                new MappingCoverage(0, 0, 0, 0, 0, 0), List.of("contoso.com"));
        SetupViewModel vm = open(store(dir));
        assertThat(vm.firstRequest().arrivedProperty().get()).isTrue();
        assertThat(vm.doneProperty(StepId.PROVISIONING).get()).as("Entra called, but everyone was refused").isFalse();
        assertThat(vm.stateProperty(StepId.PROVISIONING).get()).isEqualTo("Refused: prove domains");
        assertThat(vm.domains().suggested()).as("not offered before the registered domains are known").isEmpty();

        vm.domains().refresh();
        assertThat(vm.domains().suggested()).containsExactly("contoso.com");
        vm.domains().newDomainProperty().set("typed.example");
        vm.domains().addSuggested("contoso.com");
        assertThat(api.calls).contains("add:contoso.com");
        assertThat(vm.domains().suggested()).as("registered now: shown as its card instead").isEmpty();
        assertThat(vm.domains().find("contoso.com")).isNotNull();
        assertThat(vm.domains().newDomainProperty().get()).as("what was typed stays").isEqualTo("typed.example");

        // Verified, and the next cycle accepted everyone: now the step is done.
        api.overview = FakeAdminApi.overview(true, null, ui.clock.instant().minusSeconds(30),
                new MappingCoverage(1, 1, 1, 1, 1, 1), List.of());
        SetupViewModel later = open(store(dir.resolve("later")));
        assertThat(later.doneProperty(StepId.PROVISIONING).get()).isTrue();
        assertThat(later.stateProperty(StepId.PROVISIONING).get()).isEqualTo("Done");
    }

    @Test
    void theProvisioningStepSaysTheAppIsOffUntilItIsEnabledThenWaitsForEntra() {
        SetupViewModel vm = open(store(dir));
        assertThat(vm.stateProperty(StepId.PROVISIONING).get()).isEqualTo("SCIM app not enabled yet");
        assertThat(vm.firstRequest().headlineProperty().get()).isEqualTo("The SCIM app is not enabled yet");

        vm.enable().enable();
        assertThat(vm.stateProperty(StepId.PROVISIONING).get()).isEqualTo("Waiting for Entra");
        assertThat(vm.firstRequest().headlineProperty().get()).startsWith("Waiting for Entra’s first request");
    }

    @Test
    void whatCouldNotBeReadIsShownAsNotReadYetNotAsOpen() {
        api.failure = new app.scimconsole.admin.AdminException(0, "The service at 127.0.0.1:8090 is not running.");
        SetupViewModel vm = open(store(dir));
        vm.domains().refresh();
        for (StepId s : List.of(StepId.ENABLE, StepId.ENTRA, StepId.PROVISIONING, StepId.DOMAINS)) {
            assertThat(vm.stateProperty(s).get()).as(s.name()).isEqualTo("Not read yet");
            assertThat(vm.doneProperty(s).get()).as(s.name()).isFalse();
        }
        assertThat(vm.enable().knownProperty().get()).isFalse();
        assertThat(vm.firstRequest().headlineProperty().get()).doesNotContain("Waiting");
        assertThat(vm.stateProperty(StepId.BEFORE).get()).as("the owner's own ticks are known").isEqualTo("To do");

        api.failure = null;
        vm.domains().refresh();
        vm.enable().enable();
        assertThat(vm.stateProperty(StepId.ENABLE).get()).isEqualTo("Done");
        assertThat(vm.stateProperty(StepId.DOMAINS).get()).isEqualTo("To do");
    }
}
