package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DnsChecker} against NSD, a stock authoritative server from the distribution, instead of the project's own
 * {@link TestDnsServer}: proves that the checker reads real-world answers (AA bit, SOA in negative answers,
 * several strings in one record, truncation to TCP, finding and asking each of a zone's name servers) the way the
 * test server imitates them. Runs only where NSD is installed ({@code apt-get install nsd}); each test starts its
 * own NSD on a free loopback port.
 */
class NsdInteropTest {
    static final String TOKEN = DnsCheckerTest.TOKEN;
    static final long SERIAL = 2025030101L;
    /** min(SOA TTL 3600, MINIMUM 120): how long resolvers may cache "not found" (RFC 2308). */
    static final long NEGATIVE_TTL = 120;

    final Challenge challenge = new Challenge(DomainName.parse("example.com"), TOKEN);
    final String name = challenge.recordName() + ".";
    @TempDir
    Path dir;
    Path nsdBinary;
    final List<NsdServer> started = new ArrayList<>();
    NsdServer nsd;

    @BeforeEach
    void findNsd() {
        Optional<Path> found = NsdServer.binary();
        Assumptions.assumeTrue(found.isPresent(), "NSD is not installed (no nsd in PATH or /usr/sbin), so this "
                + "interoperability test is skipped; install it with: apt-get install -y --no-install-recommends nsd");
        nsdBinary = found.get();
    }

    @AfterEach
    void stopNsd() {
        started.forEach(NsdServer::close);
    }

    private static String zone(long serial, String... records) {
        return String.join("\n",
                "$ORIGIN example.com.",
                "$TTL 300",
                "@ 3600 IN SOA ns1.example.com. hostmaster.example.com. " + serial + " 3600 600 86400 " + NEGATIVE_TTL,
                "@ IN NS ns1.example.com.",
                "@ IN NS ns2.example.com.",
                "ns1 IN A 127.0.0.11",
                "ns2 IN A 127.0.0.12",
                String.join("\n", records),
                "");
    }

    /** Starts one more NSD with the zone; the first one started is {@link #nsd}. */
    private NsdServer serve(String zoneText) throws Exception {
        Path own = Files.createDirectory(dir.resolve("ns" + (started.size() + 1)));
        NsdServer server = NsdServer.start(nsdBinary, own, "example.com.", zoneText);
        started.add(server);
        if (nsd == null) {
            nsd = server;
        }
        return server;
    }

    private VerificationResult check() {
        return DnsChecker.usingServer("127.0.0.1:" + nsd.address().getPort())
                .withClock(Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC)).check(challenge);
    }

    @Test
    void verifiedWhenTheZoneHasTheRecord() throws Exception {
        serve(zone(SERIAL, name + " IN TXT \"" + challenge.recordValue() + "\""));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).isEmpty();
        assertThat(result.servers()).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(DnsOutcome.FOUND);
            assertThat(row.authoritative()).isTrue();
            assertThat(row.soaSerial()).isEqualTo(SERIAL);
        });
    }

    @Test
    void pendingWhenTheNameIsMissingWithTheNegativeCachingTimeFromTheSoa() throws Exception {
        serve(zone(SERIAL));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.servers().get(0).outcome()).isEqualTo(DnsOutcome.NO_SUCH_NAME);
        assertThat(result.notFoundCachedUntil()).isEqualTo(DnsCheckerTest.NOW.plusSeconds(NEGATIVE_TTL));
        assertThat(result.summary().code()).isEqualTo(ReasonCode.CHECK_NO_SUCH_NAME_CACHED);
    }

    @Test
    void pendingWhenTheNameHasNoTxtRecord() throws Exception {
        serve(zone(SERIAL, name + " IN A 192.0.2.1"));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.servers().get(0).outcome()).isEqualTo(DnsOutcome.NO_RECORDS);
        assertThat(result.notFoundCachedUntil()).isEqualTo(DnsCheckerTest.NOW.plusSeconds(NEGATIVE_TTL));
    }

    @Test
    void mismatchWhenTheRecordHasAnotherValue() throws Exception {
        String old = Challenge.VALUE_PREFIX + "x".repeat(52);
        serve(zone(SERIAL, name + " IN TXT \"" + old + "\""));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(result.servers().get(0).values()).containsExactly(old);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.OTHER_VALUE);
    }

    @Test
    void literalQuotesInTheValueAreDiagnosed() throws Exception {
        serve(zone(SERIAL, name + " IN TXT \"\\\"" + challenge.recordValue() + "\\\"\""));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(result.servers().get(0).values()).containsExactly("\"" + challenge.recordValue() + "\"");
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.QUOTES_OR_SPACES);
    }

    @Test
    void theValueAtTheDomainItselfIsDiagnosed() throws Exception {
        serve(zone(SERIAL, "@ IN TXT \"v=spf1 -all\"", "@ IN TXT \"" + challenge.recordValue() + "\""));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.TOKEN_AT_APEX);
    }

    @Test
    void aDoubledNameIsDiagnosed() throws Exception {
        serve(zone(SERIAL, challenge.recordName() + " IN TXT \"" + challenge.recordValue() + "\""));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.NAME_DOUBLED);
    }

    @Test
    void aCnameAtTheChallengeNameIsDiagnosed() throws Exception {
        serve(zone(SERIAL, name + " IN CNAME verify.provider.example.net."));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.servers().get(0).outcome()).isEqualTo(DnsOutcome.ALIAS);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.CNAME_AT_CHALLENGE);
    }

    @Test
    void aValueSplitIntoSeveralStringsIsJoined() throws Exception {
        String v = challenge.recordValue();
        serve(zone(SERIAL, name + " IN TXT ( \"" + v.substring(0, 10) + "\" \"" + v.substring(10, 40) + "\"\n    \""
                + v.substring(40) + "\" )"));

        assertThat(check().status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void anAnswerTooLargeForUdpArrivesOverTcp() throws Exception {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            records.append(name).append(" IN TXT \"").append(("filler-" + i + "-").repeat(25)).append("\"\n");
        }
        serve(zone(SERIAL, records + name + " IN TXT \"" + challenge.recordValue() + "\""));

        VerificationResult result = check();

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers().get(0).values()).hasSize(9);
    }

    @Test
    void aRecordPublishedLaterIsSeenAtTheNextCheck() throws Exception {
        serve(zone(SERIAL));
        assertThat(check().status()).isEqualTo(VerificationStatus.PENDING);

        nsd.publish(zone(SERIAL + 1, name + " IN TXT \"" + challenge.recordValue() + "\""));

        VerificationResult result = check();
        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers().get(0).soaSerial()).isEqualTo(SERIAL + 1);
    }

    @Test
    void asEachOfTheZonesNameServersOneUpdatedAndOneBehindIsPendingWithKOfN() throws Exception {
        NsdServer ns1 = serve(zone(SERIAL + 1, name + " IN TXT \"" + challenge.recordValue() + "\""));
        NsdServer ns2 = serve(zone(SERIAL));
        // The zone names ns1 and ns2 at 127.0.0.11 and .12; each address leads to its own NSD (looked up at each
        // query, as a restart may move it), and ns1 also plays the resolver that finds them.
        InetAddress ns1Ip = InetAddress.getByName("127.0.0.11");
        DnsChecker checker = DnsChecker.usingResolver(ns1.address(),
                ip -> ip.equals(ns1Ip) ? ns1.address() : ns2.address()).withIpv6(false)
                .withClock(Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC));

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.servers()).filteredOn(r -> r.role() == ServerRole.AUTHORITATIVE).extracting(
                ServerCheck::server, ServerCheck::authoritative, ServerCheck::hasRecord, ServerCheck::soaSerial)
                .containsExactlyInAnyOrder(
                        tuple(DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.example.com", "127.0.0.11"), true, true,
                                SERIAL + 1),
                        tuple(DomainReason.of(ReasonCode.SERVER_NAMED, "ns2.example.com", "127.0.0.12"), true, false,
                                SERIAL));
        // NSD playing the resolver serves no parent zone, so the delegation could not be read: a warning of its own.
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactlyInAnyOrder(
                Diagnosis.Kind.PARTIALLY_PUBLISHED, Diagnosis.Kind.DELEGATION_UNCHECKED);
        assertThat(result.diagnoses()).filteredOn(d -> d.kind() == Diagnosis.Kind.PARTIALLY_PUBLISHED)
                .singleElement().satisfies(d -> assertThat(d.problem()).isEqualTo(DomainReason.of(
                        ReasonCode.PARTIALLY_PUBLISHED_PROBLEM, 1, 2, "ns2.example.com (127.0.0.12)")));
        assertThat(result.servers()).filteredOn(r -> r.server().args().contains("ns2.example.com")).singleElement()
                .satisfies(r -> assertThat(r.answer()).isEqualTo(DomainReason.of(ReasonCode.ANSWER_NO_SUCH_NAME_BEHIND,
                        SERIAL, SERIAL + 1)));

        ns2.publish(zone(SERIAL + 1, name + " IN TXT \"" + challenge.recordValue() + "\""));
        assertThat(checker.check(challenge).status()).isEqualTo(VerificationStatus.VERIFIED);
    }
}
