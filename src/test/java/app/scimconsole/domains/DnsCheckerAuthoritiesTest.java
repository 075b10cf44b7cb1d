package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.domains.TestDnsServer.Mode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DnsChecker} finding the zone's name servers through a resolver and asking each one: three test servers
 * play ns1..ns3 (pretend addresses 127.0.0.11..13 mapped to their loopback ports), a fourth plays the resolver.
 */
class DnsCheckerAuthoritiesTest {
    static final String TOKEN = DnsCheckerTest.TOKEN;

    final List<TestDnsServer> ns = new ArrayList<>();
    TestDnsServer resolver;
    DnsChecker checker;
    Challenge challenge = new Challenge(DomainName.parse("example.com"), TOKEN);

    @BeforeEach
    void start() throws Exception {
        resolver = TestDnsServer.start();
        zone(resolver, 2);
        Map<InetAddress, InetSocketAddress> endpoints = new HashMap<>();
        for (int i = 1; i <= 3; i++) {
            TestDnsServer server = TestDnsServer.start();
            zone(server, 2);
            ns.add(server);
            endpoints.put(InetAddress.getByName("127.0.0.1" + i), server.address());
        }
        checker = DnsChecker.usingResolver(resolver.address(), endpoints::get).withIpv6(false)
                .withTimeout(Duration.ofMillis(300)).withClock(Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC));
    }

    private static void zone(TestDnsServer server, long serial) {
        server.zone("example.com", serial, 3600, 900);
        for (int i = 1; i <= 3; i++) {
            server.ns("example.com", "ns" + i + ".example.com").a("ns" + i + ".example.com", "127.0.0.1" + i);
        }
    }

    @AfterEach
    void stop() {
        ns.forEach(TestDnsServer::close);
        resolver.close();
    }

    private void publishOn(int... servers) {
        for (int i : servers) {
            ns.get(i - 1).txt(challenge.recordName(), challenge.recordValue());
        }
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
        ns.get(0).serial("example.com", 3);
        ns.get(1).serial("example.com", 3);

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
    void aLameServerDoesNotCountAgainstTheOthers() {
        publishOn(1, 2);
        ns.get(2).authoritative(false);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers()).anySatisfy(r -> assertThat(r.answer().code())
                .isEqualTo(ReasonCode.ANSWER_NOT_AUTHORITATIVE));
    }

    @Test
    void oneSilentServerOfThreeStillVerifies() {
        publishOn(1, 2, 3);
        ns.get(2).mode(Mode.DROP);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers()).filteredOn(r -> r.outcome() == DnsOutcome.TIMEOUT).hasSize(1);
    }

    @Test
    void tooFewAnswersIsAnError() {
        publishOn(1, 2, 3);
        ns.get(1).mode(Mode.DROP);
        ns.get(2).mode(Mode.SERVFAIL);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_TOO_FEW_ANSWERS, 1, 3,
                "ns2.example.com (127.0.0.12), ns3.example.com (127.0.0.13)"));
        assertThat(result.servers()).extracting(r -> r.answer().code()).contains(ReasonCode.ANSWER_TIMEOUT_MILLIS,
                ReasonCode.ANSWER_FAILURE);
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
    void pendingUntilEveryServerSaysNotFoundGivesTheNegativeCacheTime() {
        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.notFoundCachedUntil()).isEqualTo(DnsCheckerTest.NOW.plusSeconds(900));
    }

    @Test
    void aDomainThatDoesNotExistIsAnError() {
        VerificationResult result = checker.check(new Challenge(DomainName.parse("nope.example.com"), TOKEN));

        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
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
