package app.scimconsole.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.AdminApi.DomainEntry;
import app.scimconsole.admin.AdminApi.MappingCoverage;
import app.scimconsole.admin.AdminApi.NewFederationTrust;
import app.scimconsole.admin.AdminApi.Overview;
import app.scimconsole.client.AdminClient;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.console.context.OverviewModel;
import app.scimconsole.console.overview.OverviewViewModel.Severity;
import app.scimconsole.console.overview.OverviewViewModel.Warning;
import app.scimconsole.directory.SqliteDirectory;
import app.scimconsole.http.ServiceConfig;
import app.scimconsole.http.ServiceRuntime;
import app.scimconsole.service.KeySetAddress;
import app.scimconsole.testing.EntraKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Against the real service on loopback, Entra played by a loopback key set (accepted only with the development
     * flag): the method line says federation, and each trust's line says whether and when Entra used it.
     */
    @Test
    void federationIsShownAsTheMethodWithEachTrustsLastUse(@TempDir Path data) throws Exception {
        try (var runtime = ServiceRuntime.start(SqliteDirectory.open(data), new ServiceConfig("127.0.0.1", 0, null,
                ServiceConfig.DEFAULT_MAX_BODY, 4), ServiceRuntime.AdminListen.loopbackAnyPort(), null,
                Clock.systemUTC(), new KeySetAddress(true)); var entra = new EntraKeys(Clock.systemUTC())) {
            var api = new AdminClient(runtime.adminUrl(), runtime.adminCredential());
            api.enableScim();
            api.setAuthMethod(AdminApi.METHOD_FEDERATION);
            var key = EntraKeys.newKey("k1");
            entra.publish(key);
            String unused = api.addFederationTrust(new NewFederationTrust(EntraKeys.TENANT, "other-subject",
                    "api://other", null)).clientId();
            var added = api.addFederationTrust(new NewFederationTrust(EntraKeys.TENANT, EntraKeys.SUBJECT,
                    EntraKeys.AUDIENCE, entra.url()));
            assertThat(entra.obtainToken(added.tokenEndpoint(), key, added.clientId()).statusCode()).isEqualTo(200);

            var shared = new OverviewModel(ui.kit, () -> api, Duration.ofSeconds(5));
            OverviewViewModel vm = new OverviewViewModel(ui.kit, shared, () -> api, Duration.ofSeconds(5));
            var watch = vm.watch();
            assertThat(vm.facts()).filteredOn(f -> f.label().equals(ui.i18n.text("overview.method")))
                    .extracting(OverviewViewModel.Fact::value).containsExactly("Workload identity federation");
            assertThat(vm.facts()).filteredOn(f -> f.label().equals(ui.i18n.text("overview.credential.trust", unused)))
                    .extracting(OverviewViewModel.Fact::value).containsExactly("never used");
            assertThat(vm.facts())
                    .filteredOn(f -> f.label().equals(ui.i18n.text("overview.credential.trust", added.clientId())))
                    .extracting(OverviewViewModel.Fact::value).singleElement()
                    .satisfies(v -> assertThat(v).startsWith("last used"));
            watch.cancel();
        }
    }
}
