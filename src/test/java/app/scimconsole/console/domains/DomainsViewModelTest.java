package app.scimconsole.console.domains;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.admin.AdminApi;
import app.scimconsole.admin.Reason;
import app.scimconsole.console.FakeAdminApi;
import app.scimconsole.console.TestUi;
import app.scimconsole.domains.Challenge;
import app.scimconsole.domains.DnsOutcome;
import app.scimconsole.domains.DomainReason;
import app.scimconsole.domains.ReasonCode;
import app.scimconsole.domains.ServerCheck;
import app.scimconsole.domains.ServerRole;
import app.scimconsole.domains.VerificationResult;
import app.scimconsole.domains.VerificationStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainsViewModelTest {
    final TestUi ui = new TestUi();
    final FakeAdminApi api = new FakeAdminApi();
    final List<Challenge> asked = new ArrayList<>();
    VerificationStatus dnsSays = VerificationStatus.PENDING;
    /** Rows the live check gives after the one of ns1.example.net. */
    List<ServerCheck> moreRows = List.of();
    final DomainsViewModel vm = new DomainsViewModel(ui.kit, () -> api, () -> this::live);

    VerificationResult live(Challenge c) {
        asked.add(c);
        boolean has = dnsSays == VerificationStatus.VERIFIED;
        ServerCheck row = new ServerCheck(DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.example.net", "192.0.2.1"),
                ServerRole.AUTHORITATIVE, has ? DnsOutcome.FOUND : DnsOutcome.NO_SUCH_NAME, true, has,
                has ? List.of(c.recordValue()) : List.of(), 7L, 12,
                DomainReason.of(has ? ReasonCode.ANSWER_HAS_RECORD : ReasonCode.ANSWER_NO_SUCH_NAME), null);
        return new VerificationResult(c.domain().ascii(), dnsSays, has
                ? DomainReason.of(ReasonCode.CHECK_VERIFIED_BY_SERVER, c.recordName())
                : DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME, c.recordName()), List.of(),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(row), moreRows.stream()).toList(),
                ui.clock.instant(), null);
    }

    @Test
    void validatesAsTyped() {
        assertThat(vm.validate("")).isNull();
        assertThat(vm.validate("example.com")).isNull();
        assertThat(vm.validate("someone@example.com")).contains("e-mail address");
        assertThat(vm.validate("https://example.com/")).contains("web address");
        vm.newDomainProperty().set("example");
        assertThat(vm.newDomainErrorProperty().get()).contains("not a full domain name");
        assertThat(vm.canAddProperty().get()).isFalse();
        vm.newDomainProperty().set("example.com");
        assertThat(vm.canAddProperty().get()).isTrue();
    }

    @Test
    void addingShowsTheRecordToPublish() {
        vm.newDomainProperty().set(" Example.com ");
        vm.add();
        assertThat(api.calls).contains("add:Example.com");
        assertThat(vm.newDomainProperty().get()).isEmpty();
        DomainViewModel d = vm.domains().get(0);
        assertThat(d.recordName()).isEqualTo("_scim-console-challenge.Example.com");
        assertThat(d.recordHost()).isEqualTo("_scim-console-challenge");
        assertThat(d.indicatorProperty().get()).isEqualTo(Indicator.PENDING);
        assertThat(d.statusTextProperty().get()).isEqualTo("Pending");
        d.copyRecordValue();
        assertThat(ui.lastClipboard()).isEqualTo("scim-console-verification=" + "a".repeat(52));
    }

    @Test
    void aDomainRemovedElsewhereLeavesTheOthersAndTheZoneChecksChoice() {
        api.addDomain("a.example");
        api.addDomain("b.example");
        api.addDomain("c.example");
        vm.refresh();
        DomainViewModel b = vm.find("b.example");
        vm.zoneCheck().domainProperty().set(b);
        List<String> changes = new ArrayList<>();
        vm.domains().addListener((javafx.collections.ListChangeListener<DomainViewModel>) c -> {
            while (c.next()) {
                changes.add(c.wasReplaced() ? "replaced" : c.wasRemoved() ? "removed" : c.wasAdded() ? "added" : "other");
            }
        });
        api.removeDomain("c.example");
        vm.refresh();
        api.addDomain("d.example");
        vm.refresh();
        assertThat(changes).containsExactly("removed", "added");
        assertThat(vm.zoneCheck().domainProperty().get()).isSameAs(b);
    }

    @Test
    void aChooserThatDropsTheZoneChecksChoiceWhileTheDomainIsListedGetsItBack() {
        api.addDomain("a.example");
        api.addDomain("b.example");
        vm.refresh();
        ZoneCheckViewModel zone = vm.zoneCheck();
        DomainViewModel b = vm.find("b.example");
        zone.domainProperty().set(b);
        // what a ComboBox bound to the choice does when its list is rebuilt under it
        zone.domainProperty().set(null);
        assertThat(zone.domainProperty().get()).isSameAs(b);

        api.removeDomain("b.example");
        vm.refresh();
        assertThat(zone.domainProperty().get()).as("a domain no longer listed gives way").isSameAs(vm.find("a.example"));
        zone.domainProperty().set(null);
        assertThat(zone.domainProperty().get()).as("nothing of that name to go back to").isSameAs(vm.find("a.example"));
    }

    @Test
    void checkNowAsksTheServiceAndThisComputer() {
        api.addDomain("example.com");
        vm.refresh();
        DomainViewModel d = vm.domains().get(0);
        dnsSays = VerificationStatus.VERIFIED;
        d.checkNow();
        assertThat(api.calls).contains("verify:example.com");
        assertThat(asked).hasSize(1);
        assertThat(d.indicatorProperty().get()).isEqualTo(Indicator.VERIFIED);
        assertThat(d.servers()).singleElement().satisfies(s -> {
            assertThat(s.hasRecord()).isTrue();
            assertThat(s.server()).isEqualTo("ns1.example.net (192.0.2.1)");
            assertThat(s.role()).isEqualTo("name server");
            assertThat(s.answer()).isEqualTo("has the record");
        });
        assertThat(d.summaryProperty().get())
                .isEqualTo("Verified: the DNS server publishes the record _scim-console-challenge.example.com.");
        assertThat(vm.anyVerifiedProperty().get()).isTrue();
        assertThat(d.scheduleProperty().get()).startsWith("Verified since");
    }

    @Test
    void theServerTableSaysWhichListAServerIsOnAndWhichCnameTargetItWasAskedAbout() {
        moreRows = List.of(
                new ServerCheck(DomainReason.of(ReasonCode.SERVER_NAMED, "ns2.example.net", "192.0.2.2"),
                        ServerRole.PARENT_ONLY, DnsOutcome.NO_SUCH_NAME, true, false, List.of(), 5L, 9,
                        DomainReason.of(ReasonCode.ANSWER_NO_SUCH_NAME), null),
                new ServerCheck(DomainReason.of(ReasonCode.SERVER_NAMED, "ns3.example.net", "192.0.2.3"),
                        ServerRole.ZONE_ONLY, DnsOutcome.NO_SUCH_NAME, true, false, List.of(), 7L, 9,
                        DomainReason.of(ReasonCode.ANSWER_NO_SUCH_NAME), null),
                new ServerCheck(DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.dnshost.net", "192.0.2.9"),
                        ServerRole.AUTHORITATIVE, DnsOutcome.NO_SUCH_NAME, true, false, List.of(), 3L, 9,
                        DomainReason.of(ReasonCode.ANSWER_NO_SUCH_NAME), "example.challenges.dnshost.net"));
        api.addDomain("example.com");
        vm.refresh();
        DomainViewModel d = vm.domains().get(0);
        d.checkNow();
        assertThat(d.servers()).extracting(DomainViewModel.ServerRow::role).containsExactly("name server",
                "name server (registrar only)", "name server (zone only)",
                "asked about the CNAME target example.challenges.dnshost.net");
    }

    @Test
    void whileShownItChecksPendingDomainsLiveAndTurnsThemVerifiedAtOnce() {
        api.addDomain("example.com");
        var handle = vm.activate();
        assertThat(ui.scheduler.active()).isEqualTo(1);
        DomainViewModel d = vm.domains().get(0);
        assertThat(asked).hasSize(1);
        assertThat(api.calls).doesNotContain("verify:example.com");
        assertThat(d.summaryProperty().get()).isEqualTo("The name _scim-console-challenge.example.com does not exist yet.");

        dnsSays = VerificationStatus.VERIFIED;
        ui.clock.advance(DomainsViewModel.LIVE_RECHECK);
        ui.scheduler.tick();
        assertThat(api.calls).contains("verify:example.com");
        assertThat(d.indicatorProperty().get()).isEqualTo(Indicator.VERIFIED);

        int checks = asked.size();
        ui.clock.advance(DomainsViewModel.LIVE_RECHECK);
        ui.scheduler.tick();
        assertThat(asked).hasSize(checks); // verified domains are not re-checked from here
        handle.cancel();
        assertThat(ui.scheduler.active()).isZero();
    }

    @Test
    void theCountdownRunsToTheNextAutomaticCheck() {
        api.addDomain("example.com");
        vm.refresh();
        DomainViewModel d = vm.domains().get(0);
        assertThat(d.scheduleProperty().get()).isEqualTo("Next automatic check in 1:00.");
        ui.clock.advance(Duration.ofSeconds(35));
        vm.tick();
        assertThat(d.scheduleProperty().get()).isEqualTo("Next automatic check in 0:25.");
        ui.clock.advance(Duration.ofSeconds(25));
        vm.tick();
        assertThat(d.scheduleProperty().get()).isEqualTo("The next automatic check is due now.");
    }

    @Test
    void anExpiredDomainSaysHowToStartAgain() {
        api.domains.put("example.com", new AdminApi.DomainEntry("example.com", "TXT",
                "_scim-console-challenge.example.com", "scim-console-verification=" + "b".repeat(52), "EXPIRED",
                Reason.of("domain.check.noSuchName", "_scim-console-challenge.example.com"), List.of(),
                ui.clock.instant(), null, null, null));
        vm.refresh();
        DomainViewModel d = vm.domains().get(0);
        assertThat(d.indicatorProperty().get()).isEqualTo(Indicator.EXPIRED);
        assertThat(d.scheduleProperty().get()).contains("72 hours").contains("Check now");
    }

    @Test
    void theStoredFindingsAreShownUntilThisComputerHasChecked() {
        api.domains.put("example.com", new AdminApi.DomainEntry("example.com", "TXT",
                "_scim-console-challenge.example.com", "scim-console-verification=" + "b".repeat(52), "MISMATCH",
                Reason.of("domain.check.noSuchNameCached", "_scim-console-challenge.example.com",
                        "2026-03-02T09:05:00.123456789Z"),
                List.of(new AdminApi.DomainDiagnosis("OTHER_VALUE", Reason.of("domain.diagnosis.otherValue.problem",
                        "\"old\""), Reason.of("domain.diagnosis.otherValue.fix", "scim-console-verification=x"))),
                ui.clock.instant(), null, null, null));
        vm.refresh();
        DomainViewModel d = vm.domains().get(0);
        // An instant argument is shown as the owner reads times (UTC here, to the minute, today's date omitted).
        assertThat(d.summaryProperty().get()).contains("“not found” until Mar 2, 2026, 9:05 AM (the zone’s negative-caching time)");
        assertThat(d.diagnoses()).containsExactly(new DomainViewModel.DiagnosisRow("The record holds \"old\".",
                "Change the value to exactly scim-console-verification=x (or add a second TXT record with it at the "
                        + "same name)."));
    }

    @Test
    void aResultStoredByAnEarlierVersionAsksForACheck() {
        api.domains.put("example.com", new AdminApi.DomainEntry("example.com", "TXT",
                "_scim-console-challenge.example.com", "scim-console-verification=" + "b".repeat(52), "PENDING",
                Reason.of("domain.check.legacy"), List.of(), ui.clock.instant(), null, null, null));
        vm.refresh();
        assertThat(vm.domains().get(0).summaryProperty().get()).contains("Press Check now");
    }

    @Test
    void removingAsksFirst() {
        api.addDomain("example.com");
        vm.refresh();
        ui.confirmAnswer = false;
        vm.remove(vm.domains().get(0));
        assertThat(vm.domains()).hasSize(1);
        ui.confirmAnswer = true;
        vm.remove(vm.domains().get(0));
        assertThat(vm.domains()).isEmpty();
        assertThat(api.calls).contains("remove:example.com");
    }

    @Test
    void theOfflineZoneCheckUsesTheDomainsChallenge() {
        api.addDomain("example.com");
        vm.refresh();
        ZoneCheckViewModel zone = vm.zoneCheck();
        assertThat(zone.domainProperty().get()).isSameAs(vm.domains().get(0));
        assertThat(zone.canCheckProperty().get()).isFalse();
        zone.zoneTextProperty().set("$ORIGIN example.com.\n_scim-console-challenge 300 IN TXT \"scim-console-verification="
                + "a".repeat(52) + "\"\n");
        zone.check();
        assertThat(zone.indicatorProperty().get()).isEqualTo(Indicator.VERIFIED);
        assertThat(zone.resultTextProperty().get()).contains("zone file has the record");

        zone.zoneTextProperty().set("this is not a zone file {");
        zone.check();
        assertThat(zone.indicatorProperty().get()).isEqualTo(Indicator.ERROR);
        assertThat(zone.resultTextProperty().get()).isNotBlank();
    }
}
