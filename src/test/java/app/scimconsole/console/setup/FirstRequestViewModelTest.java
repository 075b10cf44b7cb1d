package app.scimconsole.console.setup;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.MappingCoverage;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.context.OverviewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstRequestViewModelTest {
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    final OverviewModel overview = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
    final OwnTraffic own = new OwnTraffic(ui.clock);
    final FirstRequestViewModel vm = new FirstRequestViewModel(ui.kit, overview, own);

    void lastRequest(Instant at) {
        api.overview = FakeAdminApi.overview(true, null, at, new MappingCoverage(3, 3, 3, 3, 3, 3), List.of());
        overview.refresh();
    }

    @Test
    void waitsUntilEntrasFirstRequest() {
        lastRequest(null);
        assertThat(vm.arrivedProperty().get()).isFalse();
        assertThat(vm.headlineProperty().get()).startsWith("Waiting for Entra’s first request");
        assertThat(vm.countsProperty().get()).contains("3 active users");
    }

    @Test
    void saysWhenItCameAndWhenTheNextCycleIsDue() {
        ui.clock.advance(Duration.ofMinutes(3));
        lastRequest(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(vm.arrivedProperty().get()).isTrue();
        assertThat(vm.headlineProperty().get()).contains("9:00").contains("3 minutes ago");
        assertThat(vm.detailProperty().get()).contains("9:40");

        ui.clock.advance(Duration.ofHours(1));
        vm.update();
        assertThat(vm.headlineProperty().get()).contains("1 hour ago");
        assertThat(vm.detailProperty().get()).contains("due about now");
    }

    @Test
    void theConsolesOwnConnectionTestIsNotMistakenForEntra() {
        Runnable done = own.begin();
        done.run();
        lastRequest(ui.clock.instant());
        assertThat(vm.arrivedProperty().get()).isFalse();
        assertThat(vm.detailProperty().get()).contains("this console’s own connection test");

        ui.clock.advance(Duration.ofMinutes(5));
        lastRequest(ui.clock.instant());
        assertThat(vm.arrivedProperty().get()).isTrue();
    }

    @Test
    void beforeTheScimAppIsEnabledItSaysSoInsteadOfWaitingForEntra() {
        api.overview = FakeAdminApi.overview(false, null, null, new MappingCoverage(0, 0, 0, 0, 0, 0), List.of());
        overview.refresh();
        assertThat(vm.appOffProperty().get()).isTrue();
        assertThat(vm.headlineProperty().get()).isEqualTo("The SCIM app is not enabled yet")
                .doesNotContain("Waiting");
        assertThat(vm.detailProperty().get()).contains("step 2");

        lastRequest(null);
        assertThat(vm.appOffProperty().get()).as("enabled: now it is Entra's move").isFalse();
        assertThat(vm.headlineProperty().get()).startsWith("Waiting for Entra’s first request");
    }
}
