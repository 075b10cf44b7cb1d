package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The domain check as a user runs it: a recursive resolver (Unbound) is the resolver the checker starts from, and
 * real authoritative servers (NSD) play the TLD and each zone's name servers, on loopback. The checker is given
 * Unbound's address the way {@link DnsChecker#usingSystemResolver()} takes the system's (a system resolver is on
 * port 53, which a test cannot count on having); there is no {@code --dns-server}. Runs only where both are
 * installed ({@code apt-get install -y nsd unbound}).
 */
class UnboundResolverTest {
    static final String TARGET = "example.challenges.dnshost.net";

    final Challenge challenge = new Challenge(DomainName.parse("example.com"), DnsCheckerTest.TOKEN);
    final String name = challenge.recordName() + ".";
    final String value = "\"" + challenge.recordValue() + "\"";
    @TempDir
    Path dir;
    NsdFleet fleet;
    Path unboundBinary;
    final List<AutoCloseable> started = new ArrayList<>();
    /** Zone → the server Unbound asks for it (its stub zone). */
    final Map<String, InetSocketAddress> stubs = new LinkedHashMap<>();

    @BeforeEach
    void find() {
        Optional<Path> nsd = NsdServer.binary();
        Optional<Path> unbound = UnboundServer.binary();
        Assumptions.assumeTrue(nsd.isPresent() && unbound.isPresent(), "Unbound and NSD are needed (found: unbound "
                + unbound.isPresent() + ", nsd " + nsd.isPresent() + "), so this test of the check through a "
                + "recursive resolver is skipped; install them with: apt-get install -y --no-install-recommends "
                + "unbound nsd");
        fleet = new NsdFleet(nsd.get(), dir);
        started.add(fleet);
        unboundBinary = unbound.get();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
    }

    private static String zone(String origin, long serial, String... records) {
        return NsdFleet.zone(origin, serial, records);
    }

    private InetSocketAddress nsd(String ip, String origin, String zoneText) throws Exception {
        return fleet.serve(ip, origin, zoneText);
    }

    /** The TLD com, served by a.nic.com (127.0.0.21), delegating example.com to the given hosts with glue. */
    private void tld(String... delegation) throws Exception {
        List<String> records = new ArrayList<>(List.of("@ IN NS a.nic.com.", "a.nic IN A 127.0.0.21"));
        for (String d : delegation) {
            records.add(d);
        }
        stubs.put("com", nsd("127.0.0.21", "com", zone("com", 1, records.toArray(String[]::new))));
    }

    private VerificationResult check() throws Exception {
        Path own = Files.createDirectory(dir.resolve("unbound"));
        UnboundServer unbound = UnboundServer.start(unboundBinary, own, stubs, "example.com");
        started.add(unbound);
        return DnsChecker.usingResolver(unbound.address(), fleet::route).withIpv6(false)
                .withClock(Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC)).check(challenge);
    }

    @Test
    void aDomainWhoseServersBothPublishTheRecordIsVerifiedAndTheResolverSeesItToo() throws Exception {
        tld("example IN NS ns1.example.com.", "example IN NS ns2.example.com.", "ns1.example IN A 127.0.0.11",
                "ns2.example IN A 127.0.0.12");
        String example = zone("example.com", 5, "@ IN NS ns1", "@ IN NS ns2", "ns1 IN A 127.0.0.11",
                "ns2 IN A 127.0.0.12", name + " IN TXT " + value);
        stubs.put("example.com", nsd("127.0.0.11", "example.com", example));
        nsd("127.0.0.12", "example.com", example);

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED, 2, 2,
                challenge.recordName()));
        assertThat(result.diagnoses()).isEmpty();
        assertThat(result.servers()).extracting(ServerCheck::role, ServerCheck::hasRecord).containsExactlyInAnyOrder(
                tuple(ServerRole.AUTHORITATIVE, true), tuple(ServerRole.AUTHORITATIVE, true),
                tuple(ServerRole.SYSTEM_RESOLVER, true));
    }

    @Test
    void aChallengeDelegatedByCnameIsFollowedToTheTargetZonesServer() throws Exception {
        tld("example IN NS ns1.example.com.", "ns1.example IN A 127.0.0.11");
        stubs.put("example.com", nsd("127.0.0.11", "example.com", zone("example.com", 5, "@ IN NS ns1",
                "ns1 IN A 127.0.0.11", name + " IN CNAME " + TARGET + ".")));
        stubs.put("dnshost.net", nsd("127.0.0.31", "dnshost.net", zone("dnshost.net", 8, "@ IN NS ns1",
                "ns1 IN A 127.0.0.31", TARGET + ". IN TXT " + value)));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED, 1, 1,
                challenge.recordName(), TARGET));
        assertThat(result.diagnoses()).isEmpty();
        assertThat(result.servers()).filteredOn(r -> TARGET.equals(r.cnameTarget())).singleElement()
                .satisfies(r -> {
                    assertThat(r.server()).isEqualTo(DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.dnshost.net",
                            "127.0.0.31"));
                    assertThat(r.soaSerial()).isEqualTo(8L);
                });
        // Unbound answers with the CNAME (and the target's TXT behind it); its row names the alias.
        assertThat(result.servers()).filteredOn(r -> r.role() == ServerRole.SYSTEM_RESOLVER).singleElement()
                .satisfies(r -> assertThat(r.answer()).isEqualTo(DomainReason.of(ReasonCode.ANSWER_ALIAS, TARGET)));
    }

    @Test
    void aServerOnlyTheTldStillDelegatesToIsAskedAndItsMissingRecordIsNamed() throws Exception {
        tld("example IN NS ns1.example.com.", "example IN NS ns2.example.com.", "ns1.example IN A 127.0.0.11",
                "ns2.example IN A 127.0.0.12");
        stubs.put("example.com", nsd("127.0.0.11", "example.com", zone("example.com", 5, "@ IN NS ns1",
                "ns1 IN A 127.0.0.11", name + " IN TXT " + value)));
        nsd("127.0.0.12", "example.com", zone("example.com", 3, "@ IN NS ns1", "@ IN NS ns2",
                "ns1 IN A 127.0.0.11", "ns2 IN A 127.0.0.12"));

        VerificationResult result = check();

        NsdHierarchyTest.assertPendingForTheServerOnlyTheTldDelegatesTo(result);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED,
                challenge.recordName(), 1, 2));
    }
}
