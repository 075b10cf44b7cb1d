package app.scimconsole.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi.DomainEntry;
import app.scimconsole.admin.AdminApi.MappingCoverage;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.overview.OverviewViewModel.Severity;
import app.scimconsole.console.overview.OverviewViewModel.Warning;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewViewModelTest {
    final TestUi ui = new TestUi();
    final Instant t = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void warnsAboutWhatMatters() {
        Overview o = new Overview("t1", "u", true, t, null, null, 10, 1, 2, 3,
                new MappingCoverage(10, 10, 10, 10, 10, 0), List.of("unverified.example"), List.of(), null);
        DomainEntry lost = new DomainEntry("old.example", "TXT", "n", "v", "LOST", null, null, t, t, t, null);
        List<Warning> w = OverviewViewModel.warnings(o, List.of(lost), ui.kit.texts(), ui.clock.instant());
        assertThat(w).extracting(Warning::text).anyMatch(s -> s.contains("unverified.example") && s.contains("rejected"))
                .anyMatch(s -> s.contains("old.example") && s.contains("lost"))
                .anyMatch(s -> s.contains("never been used"))
                .anyMatch(s -> s.contains("department"));
        assertThat(w.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void aDomainGetsOneWarningNotOneForItsRefusalAndAnotherForItsStatus() {
        Overview o = new Overview("t1", "u", true, t, t, t, 10, 0, 2, 2, new MappingCoverage(10, 10, 10, 10, 10, 10),
                List.of("contoso.com", "fabrikam.com"), List.of(), null);
        DomainEntry pending = new DomainEntry("contoso.com", "TXT", "n", "v", "PENDING", null, null, t, t, null, null);
        DomainEntry lost = new DomainEntry("fabrikam.com", "TXT", "n", "v", "LOST", null, null, t, t, t, null);
        List<Warning> w = OverviewViewModel.warnings(o, List.of(pending, lost), ui.kit.texts(), ui.clock.instant());
        assertThat(w).extracting(Warning::text).filteredOn(s -> s.contains("contoso.com")).singleElement()
                .satisfies(s -> assertThat(s).contains("rejected"));
        assertThat(w).extracting(Warning::text).filteredOn(s -> s.contains("fabrikam.com")).singleElement()
                .satisfies(s -> assertThat(s).contains("lost"));
        assertThat(w).allMatch(x -> x.severity() == Severity.ERROR);
    }

    @Test
    void warnsWhenAVerifiedDomainsRecordIsMissing() {
        Overview o = new Overview("t1", "u", true, t, t, t, 10, 0, 2, 0, new MappingCoverage(10, 10, 10, 10, 10, 10),
                List.of(), List.of(), null);
        DomainEntry expiring = new DomainEntry("example.com", "TXT", "n", "v", "VERIFIED", null, null, t, t, t,
                t.plus(java.time.Duration.ofHours(72)));
        List<Warning> w = OverviewViewModel.warnings(o, List.of(expiring), ui.kit.texts(), ui.clock.instant());
        assertThat(w).singleElement().satisfies(x -> {
            assertThat(x.text()).contains("example.com").contains("missing");
            assertThat(x.severity()).isEqualTo(Severity.WARN);
        });
    }

    @Test
    void quietWhenHealthy() {
        Overview o = new Overview("t1", "u", true, t, t, t, 10, 0, 2, 0, new MappingCoverage(10, 10, 10, 10, 10, 10),
                List.of(), List.of(), null);
        DomainEntry ok = new DomainEntry("example.com", "TXT", "n", "v", "VERIFIED", null, null, t, t, t, null);
        assertThat(OverviewViewModel.warnings(o, List.of(ok), ui.kit.texts(), ui.clock.instant())).isEmpty();
    }

    @Test
    void factsAndCountsFromTheService() {
        FakeAdminApi api = new FakeAdminApi();
        api.overview = FakeAdminApi.overview(true, t, t, new MappingCoverage(3, 3, 3, 3, 3, 3), List.of());
        var shared = new app.scimconsole.console.context.OverviewModel(ui.kit, () -> api, java.time.Duration.ofSeconds(5));
        OverviewViewModel vm = new OverviewViewModel(ui.kit, shared, () -> api, java.time.Duration.ofSeconds(5));
        var watch = vm.watch();
        assertThat(vm.counts()).extracting(OverviewViewModel.Fact::value).startsWith("3");
        assertThat(vm.facts()).extracting(OverviewViewModel.Fact::label).contains("Last request from Entra",
                "Last provisioning cycle");
        watch.cancel();
        assertThat(ui.scheduler.active()).isZero();
    }
}
