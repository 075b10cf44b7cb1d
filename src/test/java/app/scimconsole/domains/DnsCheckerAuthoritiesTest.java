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
        assertThat(result.summary()).contains("3 of 3 name servers");
        assertThat(result.diagnoses()).isEmpty();
        assertThat(result.servers()).hasSize(4);
        assertThat(result.servers()).filteredOn(r -> r.role() == ServerRole.AUTHORITATIVE)
                .extracting(ServerCheck::server)
                .containsExactlyInAnyOrder("ns1.example.com (127.0.0.11)", "ns2.example.com (127.0.0.12)",
                        "ns3.example.com (127.0.0.13)");
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
        assertThat(result.summary()).contains("2 of 3 name servers");
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.PARTIALLY_PUBLISHED);
            assertThat(d.problem()).startsWith("2 of 3 name servers have the record; ns3.example.com")
                    .contains("zone serial 2, others have 3: not updated yet");
        });
    }

    @Test
    void aLameServerDoesNotCountAgainstTheOthers() {
        publishOn(1, 2);
        ns.get(2).authoritative(false);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers()).anySatisfy(r -> assertThat(r.summary()).contains("not as an authoritative"));
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
        assertThat(result.summary()).contains("Only 1 of 3 name servers answered").contains("did not answer within")
                .contains("reported a failure");
    }

    @Test
    void resolverStillCachingNotFoundIsAWarningOnly() {
        publishOn(1, 2, 3);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.RESOLVER_BEHIND);
            assertThat(d.problem()).contains(Verdict.readable(DnsCheckerTest.NOW.plusSeconds(900)));
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
        assertThat(result.summary()).contains("does not exist in DNS");
        assertThat(result.servers()).isEmpty();
    }

    @Test
    void aSilentResolverIsAnError() {
        resolver.mode(Mode.DROP);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(result.summary()).contains("could not find the name servers").contains("did not answer in time");
    }
}
