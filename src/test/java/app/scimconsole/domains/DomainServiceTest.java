package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.directory.SqliteDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade end to end: real SQLite file, real DNS server on loopback. */
class DomainServiceTest {
    TestDnsServer dns;
    SqliteDirectory directory;
    DomainService service;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        dns = TestDnsServer.start();
        dns.zone("example.com", 1, 3600, 300);
        directory = SqliteDirectory.open(dir);
        Clock clock = Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC);
        service = new DomainService(directory.domainRecords(),
                DnsChecker.usingServer(dns.address()).withTimeout(Duration.ofMillis(400)).withClock(clock), clock);
    }

    @AfterEach
    void stop() {
        dns.close();
        directory.close();
    }

    @Test
    void ofInstancesSharingOneDatabaseEachDueRecheckIsClaimedByOne() {
        service.add("t1", "example.com");
        java.time.Instant later = DnsCheckerTest.NOW.plus(Duration.ofMinutes(2));
        java.util.List<DomainRecord> due = service.dueForRecheck(later);
        assertThat(due).hasSize(1);
        // Both instances read the same due row; only the first claim wins.
        assertThat(service.claimDueRechecks(later)).hasSize(1);
        assertThat(service.claimDueRechecks(later)).isEmpty();
        // A claim whose check never completed is due again once the lease ends.
        assertThat(service.claimDueRechecks(later.plus(DomainService.RECHECK_LEASE))).hasSize(1);
    }

    @Test
    void addVerifyListRemove() {
        DomainRecord added = service.add("t1", "Example.COM.");
        assertThat(added.challenge().recordName()).isEqualTo("_scim-console-challenge.example.com");
        assertThat(service.add("t1", "example.com").challenge()).isEqualTo(added.challenge());

        DomainService.Checked first = service.verify("t1", "example.com");
        assertThat(first.result().status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(first.record().status()).isEqualTo(DomainStatus.PENDING);
        assertThat(first.record().findings()).isEqualTo(first.result().findings());
        assertThat(first.record().findings().summary().code()).isEqualTo(ReasonCode.CHECK_NO_SUCH_NAME_CACHED);
        assertThat(service.isVerified("t1", "example.com")).isFalse();

        dns.txt(added.challenge().recordName(), added.challenge().recordValue());
        DomainService.Checked second = service.verify("t1", "example.com");
        assertThat(second.record().status()).isEqualTo(DomainStatus.VERIFIED);
        assertThat(second.record().state().verifiedAt()).isEqualTo(DnsCheckerTest.NOW);
        assertThat(service.isVerified("t1", "example.com")).isTrue();
        assertThat(service.list("t1")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DomainStatus.VERIFIED);
            assertThat(r.lastChecked()).isEqualTo(DnsCheckerTest.NOW);
        });

        assertThat(service.remove("t1", "example.com")).isTrue();
        assertThat(service.isVerified("t1", "example.com")).isFalse();
        assertThat(service.list("t1")).isEmpty();
    }

    @Test
    void aSecondOrganizationGetsAClearErrorAndTheCheckIsStored() {
        DomainRecord first = service.add("t1", "example.com");
        DomainRecord second = service.add("t2", "example.com");
        assertThat(second.challenge().token()).isNotEqualTo(first.challenge().token());
        dns.txt(first.challenge().recordName(), first.challenge().recordValue());
        dns.txt(second.challenge().recordName(), second.challenge().recordValue());
        service.verify("t1", "example.com");

        assertThatThrownBy(() -> service.verify("t2", "example.com")).isInstanceOfSatisfying(
                DomainConflictException.class, e -> assertThat(e.reason()).isEqualTo(
                        DomainReason.of(ReasonCode.VERIFIED_ELSEWHERE, "example.com", 72)));
        assertThat(service.list("t2")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DomainStatus.ERROR);
            assertThat(r.findings()).isEqualTo(Findings.of(DomainReason.of(ReasonCode.VERIFIED_ELSEWHERE,
                    "example.com", 72)));
        });
        assertThat(service.recheck(service.list("t2").get(0)).status()).isEqualTo(DomainStatus.ERROR);
    }

    @Test
    void verifyingAnUnregisteredDomainSaysToAddItFirst() {
        assertThatThrownBy(() -> service.verify("t1", "example.com"))
                .isInstanceOfSatisfying(DomainNotRegisteredException.class, e -> assertThat(e.reason())
                        .isEqualTo(DomainReason.of(ReasonCode.NOT_REGISTERED, "example.com")));
        assertThatThrownBy(() -> service.add("t1", "localhost")).isInstanceOf(InvalidDomainException.class);
    }

    @Test
    void dueRechecksAreFoundAndRun() {
        DomainRecord added = service.add("t1", "example.com");
        assertThat(service.dueForRecheck(DnsCheckerTest.NOW)).isEmpty();
        assertThat(service.dueForRecheck(DnsCheckerTest.NOW.plusSeconds(60))).containsExactly(added);

        dns.txt(added.challenge().recordName(), added.challenge().recordValue());
        DomainRecord after = service.recheck(added);
        assertThat(after.status()).isEqualTo(DomainStatus.VERIFIED);
        assertThat(after.state().nextCheck()).isEqualTo(DnsCheckerTest.NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void eachCheckIsKeptInTheDomainsHistory() {
        DomainRecord added = service.add("t1", "example.com");
        service.verify("t1", "example.com");
        dns.txt(added.challenge().recordName(), added.challenge().recordValue());
        service.verify("t1", "Example.com.");

        assertThat(service.history("t1", "example.com", 10)).satisfiesExactly(
                newest -> {
                    assertThat(newest.status()).isEqualTo(DomainStatus.VERIFIED);
                    assertThat(newest.checkedAt()).isEqualTo(DnsCheckerTest.NOW);
                },
                oldest -> {
                    assertThat(oldest.status()).isEqualTo(DomainStatus.PENDING);
                    assertThat(oldest.findings().summary().code()).isEqualTo(ReasonCode.CHECK_NO_SUCH_NAME_CACHED);
                });
        assertThatThrownBy(() -> service.history("t1", "other.example", 10))
                .isInstanceOf(DomainNotRegisteredException.class);
    }
}
