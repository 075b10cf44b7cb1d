package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delegation and CNAME checks against NSD, a stock authoritative server, playing the TLD (its referrals and glue
 * as real parents give them) and the zones' name servers; the project's {@link TestDnsServer} stands in only for the
 * recursive resolver. Runs only where NSD is installed ({@code apt-get install -y nsd}).
 */
class NsdHierarchyTest {
    final Challenge challenge = new Challenge(DomainName.parse("example.com"), DnsCheckerTest.TOKEN);
    final String name = challenge.recordName() + ".";
    final String value = "\"" + challenge.recordValue() + "\"";
    @TempDir
    Path dir;
    NsdFleet fleet;
    TestDnsServer resolver;

    @BeforeEach
    void start() throws Exception {
        Optional<Path> found = NsdServer.binary();
        Assumptions.assumeTrue(found.isPresent(), "NSD is not installed (no nsd in PATH or /usr/sbin), so this "
                + "interoperability test is skipped; install it with: apt-get install -y --no-install-recommends nsd");
        fleet = new NsdFleet(found.get(), dir);
        resolver = TestDnsServer.start();
        resolver.zone("test", 1, 3600, 900).ns("test", "a.nic.test").a("a.nic.test", "127.0.0.21");
        for (String tld : List.of("com", "net")) {
            resolver.zone(tld, 1, 3600, 900).ns(tld, "a.nic.test");
        }
    }

    @AfterEach
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
        if (resolver != null) {
            resolver.close();
        }
    }

    private static String zone(String origin, long serial, String... records) {
        return NsdFleet.zone(origin, serial, records);
    }

    private void nsd(String ip, String origin, String zoneText) throws Exception {
        fleet.serve(ip, origin, zoneText);
    }

    private VerificationResult check() {
        return DnsChecker.usingResolver(resolver.address(), fleet::route).withIpv6(false)
                .withClock(Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC)).check(challenge);
    }

    @Test
    void aServerOnlyTheTldStillDelegatesToIsFoundInItsReferralAndNamed() throws Exception {
        nsd("127.0.0.21", "com", zone("com", 1, "@ IN NS a.nic.test.",
                "example IN NS ns1.example.com.", "example IN NS ns2.example.com.",
                "ns1.example IN A 127.0.0.11", "ns2.example IN A 127.0.0.12"));
        nsd("127.0.0.11", "example.com", zone("example.com", 5, "@ IN NS ns1", "ns1 IN A 127.0.0.11",
                name + " IN TXT " + value));
        nsd("127.0.0.12", "example.com", zone("example.com", 3, "@ IN NS ns1", "@ IN NS ns2",
                "ns1 IN A 127.0.0.11", "ns2 IN A 127.0.0.12"));
        resolver.zone("example.com", 5, 3600, 120).ns("example.com", "ns1.example.com")
                .a("ns1.example.com", "127.0.0.11");

        assertPendingForTheServerOnlyTheTldDelegatesTo(check());
    }

    /**
     * The verdict when ns1.example.com (127.0.0.11, serial 5) publishes the record and ns2.example.com (127.0.0.12,
     * serial 3), to which only the TLD still delegates, lacks it: pending, and ns2 named as the problem.
     */
    static void assertPendingForTheServerOnlyTheTldDelegatesTo(VerificationResult result) {
        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.servers()).filteredOn(r -> r.role().decides())
                .extracting(ServerCheck::server, ServerCheck::role, ServerCheck::hasRecord, ServerCheck::soaSerial)
                .containsExactlyInAnyOrder(
                        tuple(DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.example.com", "127.0.0.11"),
                                ServerRole.AUTHORITATIVE, true, 5L),
                        tuple(DomainReason.of(ReasonCode.SERVER_NAMED, "ns2.example.com", "127.0.0.12"),
                                ServerRole.PARENT_ONLY, false, 3L));
        assertThat(result.diagnoses()).extracting(Diagnosis::problem).contains(
                DomainReason.of(ReasonCode.PARENT_ONLY_WITHOUT_RECORD_PROBLEM, "ns2.example.com"));
    }

    @Test
    void aChallengeDelegatedByCnameIsVerifiedAtTheTargetZonesServer() throws Exception {
        String target = "example.challenges.dnshost.net";
        nsd("127.0.0.21", "com", zone("com", 1, "@ IN NS a.nic.test.", "example IN NS ns1.example.com.",
                "ns1.example IN A 127.0.0.11"));
        nsd("127.0.0.11", "example.com", zone("example.com", 5, "@ IN NS ns1", "ns1 IN A 127.0.0.11",
                name + " IN CNAME " + target + "."));
        nsd("127.0.0.31", "dnshost.net", zone("dnshost.net", 8, "@ IN NS ns1", "ns1 IN A 127.0.0.31",
                target + ". IN TXT " + value));
        resolver.zone("example.com", 5, 3600, 120).ns("example.com", "ns1.example.com")
                .a("ns1.example.com", "127.0.0.11").cname(challenge.recordName(), target);
        resolver.zone("dnshost.net", 8, 3600, 120).ns("dnshost.net", "ns1.dnshost.net")
                .a("ns1.dnshost.net", "127.0.0.31").txt(target, challenge.recordValue());

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED, 1, 1,
                challenge.recordName(), target));
        assertThat(result.servers()).filteredOn(r -> target.equals(r.cnameTarget())).singleElement()
                .satisfies(r -> {
                    assertThat(r.server()).isEqualTo(DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.dnshost.net",
                            "127.0.0.31"));
                    assertThat(r.authoritative()).isTrue();
                    assertThat(r.soaSerial()).isEqualTo(8L);
                });
    }

    @Test
    void aZoneItsParentSaysDoesNotExistIsNotVerifiedEvenWithTheRecordOnItsServers() throws Exception {
        // The TLD no longer delegates example.com (a lapsed registration); its old server still serves the zone with
        // the record, and the resolver still remembers the delegation.
        nsd("127.0.0.21", "com", zone("com", 2, "@ IN NS a.nic.test.", "other IN NS ns1.other.com.",
                "ns1.other IN A 127.0.0.41"));
        nsd("127.0.0.11", "example.com", zone("example.com", 5, "@ IN NS ns1", "ns1 IN A 127.0.0.11",
                name + " IN TXT " + value));
        resolver.zone("example.com", 5, 3600, 120).ns("example.com", "ns1.example.com")
                .a("ns1.example.com", "127.0.0.11").txt(challenge.recordName(), challenge.recordValue());

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_NOT_DELEGATED, "example.com", "com"));
        assertThat(result.diagnoses()).first().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.NOT_DELEGATED);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.NOT_DELEGATED_PROBLEM, "example.com", "com",
                    "a.nic.test (127.0.0.21)"));
            assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.NOT_DELEGATED_FIX, "example.com"));
        });
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).doesNotContain(Diagnosis.Kind.DELEGATION_UNCHECKED);
        // What the old server said is still shown: it has the record, which is not enough.
        assertThat(result.servers()).filteredOn(r -> r.role().decides()).singleElement()
                .satisfies(r -> assertThat(r.hasRecord()).isTrue());
    }

    @Test
    void aLameServerOfTheCnameTargetsZoneIsNamedWithThatZoneAndTheTarget() throws Exception {
        String target = "example.challenges.dnshost.net";
        nsd("127.0.0.21", "com", zone("com", 1, "@ IN NS a.nic.test.", "example IN NS ns1.example.com.",
                "ns1.example IN A 127.0.0.11"));
        nsd("127.0.0.11", "example.com", zone("example.com", 5, "@ IN NS ns1", "ns1 IN A 127.0.0.11",
                name + " IN CNAME " + target + "."));
        nsd("127.0.0.31", "dnshost.net", zone("dnshost.net", 8, "@ IN NS ns1", "@ IN NS ns2", "ns1 IN A 127.0.0.31",
                "ns2 IN A 127.0.0.32", target + ". IN TXT " + value));
        // ns2.dnshost.net is up but serves another zone only: NSD refuses dnshost.net there (lame).
        nsd("127.0.0.32", "elsewhere.net", zone("elsewhere.net", 1, "@ IN NS ns1", "ns1 IN A 127.0.0.32"));
        resolver.zone("example.com", 5, 3600, 120).ns("example.com", "ns1.example.com")
                .a("ns1.example.com", "127.0.0.11").cname(challenge.recordName(), target);
        resolver.zone("dnshost.net", 8, 3600, 120).ns("dnshost.net", "ns1.dnshost.net").ns("dnshost.net",
                "ns2.dnshost.net").a("ns1.dnshost.net", "127.0.0.31").a("ns2.dnshost.net", "127.0.0.32")
                .txt(target, challenge.recordValue());

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED, 1, 2,
                challenge.recordName(), target));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.SERVER_LAME);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.SERVER_REFUSES_PROBLEM,
                    "ns2.dnshost.net (127.0.0.32)", "dnshost.net", target));
        });
    }
}
