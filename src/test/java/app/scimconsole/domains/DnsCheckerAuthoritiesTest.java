package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.domains.TestDnsServer.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DnsChecker} finding the zone's name servers through a resolver and asking each one: three test servers
 * play ns1..ns3 (pretend addresses 127.0.0.11..13 mapped to their loopback ports), a fourth plays the resolver.
 */
class DnsCheckerAuthoritiesTest {
    static final String TOKEN = DnsCheckerTest.TOKEN;

    NameServers servers;
    TestDnsServer resolver;
    DnsChecker checker;
    Challenge challenge = new Challenge(DomainName.parse("example.com"), TOKEN);

    @BeforeEach
    void start() throws Exception {
        servers = NameServers.start("example.com", 2);
        resolver = servers.resolver;
        checker = servers.checker().withTimeout(Duration.ofMillis(300))
                .withClock(Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    private void publishOn(int... which) {
        servers.publishOn(challenge, which);
    }

    @Test
    void verifiedWhenEveryNameServerHasTheRecord() {
        publishOn(1, 2, 3);
        resolver.txt(challenge.recordName(), challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED, 3, 3, challenge.recordName()));
        assertThat(result.diagnoses()).isEmpty();
        assertThat(result.servers()).hasSize(4);
        assertThat(result.servers()).filteredOn(r -> r.role() == ServerRole.AUTHORITATIVE)
                .extracting(ServerCheck::server)
                .containsExactlyInAnyOrder(DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.example.com", "127.0.0.11"),
                        DomainReason.of(ReasonCode.SERVER_NAMED, "ns2.example.com", "127.0.0.12"),
                        DomainReason.of(ReasonCode.SERVER_NAMED, "ns3.example.com", "127.0.0.13"));
        assertThat(result.servers()).filteredOn(r -> r.role() == ServerRole.AUTHORITATIVE)
                .allSatisfy(r -> assertThat(r.soaSerial()).isEqualTo(2L));
    }

    @Test
    void someServersUpdatedAndOthersNotIsPendingWithKOfN() {
        publishOn(1, 2);
        servers.ns(1).serial("example.com", 3);
        servers.ns(2).serial("example.com", 3);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED,
                challenge.recordName(), 2, 3));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.PARTIALLY_PUBLISHED);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.PARTIALLY_PUBLISHED_PROBLEM, 2, 3,
                    "ns3.example.com (127.0.0.13)"));
        });
        assertThat(result.servers()).filteredOn(r -> r.server().args().contains("ns3.example.com")).singleElement()
                .satisfies(r -> assertThat(r.answer()).isEqualTo(DomainReason.of(ReasonCode.ANSWER_NO_SUCH_NAME_BEHIND,
                        2, 3)));
    }

    @Test
    void aLameServerIsNamedInAWarningAndDoesNotCountAgainstTheOthers() {
        publishOn(1, 2);
        servers.ns(3).authoritative(false);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers()).anySatisfy(r -> assertThat(r.answer().code())
                .isEqualTo(ReasonCode.ANSWER_NOT_AUTHORITATIVE));
        assertThat(result.diagnoses()).filteredOn(d -> d.kind() != Diagnosis.Kind.RESOLVER_BEHIND).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(Diagnosis.Kind.SERVER_LAME);
                    assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.SERVER_NOT_AUTHORITATIVE_PROBLEM,
                            "ns3.example.com (127.0.0.13)", "example.com", challenge.recordName()));
                    assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.SERVER_LAME_FIX));
                });
    }

    @Test
    void aSilentServerIsNamedAndTheSummaryDoesNotSayItLacksTheRecord() {
        publishOn(1, 2, 3);
        resolver.txt(challenge.recordName(), challenge.recordValue());
        servers.ns(3).mode(Mode.DROP);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_SOME_SILENT, 2, 3,
                challenge.recordName(), "ns3.example.com (127.0.0.13)"));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.SERVER_DOWN);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.SERVER_TIMED_OUT_PROBLEM,
                    "ns3.example.com (127.0.0.13)", "example.com", challenge.recordName()));
            assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.SERVER_DOWN_FIX));
        });
        assertThat(result.servers()).filteredOn(r -> r.outcome() == DnsOutcome.TIMEOUT).hasSize(1);
    }

    @Test
    void aStoppedServerIsNamedAsDown() {
        publishOn(1, 2, 3);
        resolver.txt(challenge.recordName(), challenge.recordValue());
        servers.ns(2).close();

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary().code()).isEqualTo(ReasonCode.CHECK_VERIFIED_SOME_SILENT);
        // Nothing listens on its port any more: loopback answers with "port unreachable" at once.
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.SERVER_DOWN);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.SERVER_UNREACHABLE_PROBLEM,
                    "ns2.example.com (127.0.0.12)", "example.com", challenge.recordName()));
        });
    }

    @Test
    void aServerRefusingTheZoneIsNamedAsRefusing() {
        publishOn(1, 2, 3);
        resolver.txt(challenge.recordName(), challenge.recordValue());
        servers.ns(1).mode(Mode.REFUSED);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.SERVER_LAME);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.SERVER_REFUSES_PROBLEM,
                    "ns1.example.com (127.0.0.11)", "example.com", challenge.recordName()));
        });
    }

    @Test
    void tooFewAnswersIsAnError() {
        publishOn(1, 2, 3);
        servers.ns(2).mode(Mode.DROP);
        servers.ns(3).mode(Mode.SERVFAIL);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_TOO_FEW_ANSWERS, 1, 3,
                "ns2.example.com (127.0.0.12), ns3.example.com (127.0.0.13)"));
        assertThat(result.servers()).extracting(r -> r.answer().code()).contains(ReasonCode.ANSWER_TIMEOUT_MILLIS,
                ReasonCode.ANSWER_FAILURE);
        assertThat(result.diagnoses()).extracting(d -> d.problem()).containsExactlyInAnyOrder(
                DomainReason.of(ReasonCode.SERVER_TIMED_OUT_PROBLEM, "ns2.example.com (127.0.0.12)", "example.com", challenge.recordName()),
                DomainReason.of(ReasonCode.SERVER_FAILS_PROBLEM, "ns3.example.com (127.0.0.13)", "example.com", challenge.recordName(),
                        "SERVFAIL"));
    }

    @Test
    void resolverStillCachingNotFoundIsAWarningOnly() {
        publishOn(1, 2, 3);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.RESOLVER_BEHIND);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.RESOLVER_BEHIND_CACHED_PROBLEM,
                    DnsCheckerTest.NOW.plusSeconds(900)));
        });
    }

    @Test
    void aResolverFailingOnTheRecordIsAWarningOnly() {
        publishOn(1, 2, 3);
        resolver.servfail(challenge.recordName());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.RESOLVER_FAILURE);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.RESOLVER_FAILURE_PROBLEM, "SERVFAIL"));
        });
    }

    @Test
    void pendingUntilEveryServerSaysNotFoundGivesTheNegativeCacheTime() {
        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.notFoundCachedUntil()).isEqualTo(DnsCheckerTest.NOW.plusSeconds(900));
    }

    @Test
    void aDomainThatDoesNotExistIsPendingNotAnError() {
        VerificationResult result = checker.check(new Challenge(DomainName.parse("nope.example.com"), TOKEN));

        // DNS answered: the record exists for no one (a lapsed domain the resolver forgot must start the grace period).
        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.NO_SERVERS_NOT_IN_DNS, "nope.example.com"));
        assertThat(result.servers()).isEmpty();
    }

    @Test
    void aSilentResolverIsAnError() {
        resolver.mode(Mode.DROP);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.NO_SERVERS_RESOLVER_TIMEOUT, "example.com",
                "127.0.0.1:" + resolver.address().getPort()));
    }
}
