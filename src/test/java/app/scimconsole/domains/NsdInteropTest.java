package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DnsChecker} against NSD, a stock authoritative server from the distribution, instead of the project's own
 * {@link TestDnsServer}: proves that the checker reads real-world answers (AA bit, SOA in negative answers,
 * several strings in one record, truncation to TCP) the way the test server imitates them. Runs only where NSD
 * is installed ({@code apt-get install nsd}); each test starts its own NSD on a free loopback port.
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
        if (nsd != null) {
            nsd.close();
        }
    }

    private static String zone(long serial, String... records) {
        return String.join("\n",
                "$ORIGIN example.com.",
                "$TTL 300",
                "@ 3600 IN SOA ns1.example.com. hostmaster.example.com. " + serial + " 3600 600 86400 " + NEGATIVE_TTL,
                "@ IN NS ns1.example.com.",
                "ns1 IN A 127.0.0.1",
                String.join("\n", records),
                "");
    }

    private void serve(String zoneText) throws Exception {
        nsd = NsdServer.start(nsdBinary, dir, "example.com.", zoneText);
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
        assertThat(result.summary()).contains("does not exist yet");
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
}
