package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DnsChecker} following a challenge name delegated by CNAME to a DNS host's zone, and asking that zone's own
 * name servers; on a {@link DnsHierarchy} where example.com and dnshost.net have two name servers each.
 */
class DnsCheckerCnameTest {
    static final String TARGET = "example.challenges.dnshost.net";

    DnsHierarchy dns;
    DnsChecker checker;
    Challenge challenge = new Challenge(DomainName.parse("example.com"), DnsCheckerTest.TOKEN);

    @BeforeEach
    void start() throws Exception {
        dns = DnsHierarchy.start().zone("example.com", 5, "ns1.example.com", "ns2.example.com")
                .zone("dnshost.net", 9, "ns1.dnshost.net", "ns2.dnshost.net");
        checker = dns.checkerAt(DnsCheckerTest.NOW);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void aChallengeDelegatedByCnameIsVerifiedByTheTargetZonesOwnServers() {
        dns.cname("example.com", challenge.recordName(), TARGET).txt("dnshost.net", TARGET, challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED, 2, 2,
                challenge.recordName(), TARGET));
        assertThat(result.diagnoses()).isEmpty();
        assertThat(result.servers()).filteredOn(r -> TARGET.equals(r.cnameTarget()))
                .extracting(ServerCheck::server).containsExactlyInAnyOrder(
                        DomainReason.of(ReasonCode.SERVER_NAMED, "ns1.dnshost.net", "127.0.0.33"),
                        DomainReason.of(ReasonCode.SERVER_NAMED, "ns2.dnshost.net", "127.0.0.34"));
        assertThat(result.servers()).filteredOn(r -> TARGET.equals(r.cnameTarget()))
                .allSatisfy(r -> {
                    assertThat(r.hasRecord()).isTrue();
                    assertThat(r.soaSerial()).isEqualTo(9L);
                });
        assertThat(result.servers()).filteredOn(r -> r.cnameTarget() == null && r.role().decides())
                .allSatisfy(r -> assertThat(r.answer()).isEqualTo(DomainReason.of(ReasonCode.ANSWER_ALIAS, TARGET)));
    }

    @Test
    void aCnameChainOfTwoAliasesIsFollowedToItsEnd() {
        dns.cname("example.com", challenge.recordName(), "hop.dnshost.net")
                .cname("dnshost.net", "hop.dnshost.net", TARGET).txt("dnshost.net", TARGET, challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED_CHAIN, 2, 2,
                challenge.recordName(), TARGET,
                challenge.recordName() + " \u2192 hop.dnshost.net \u2192 " + TARGET));
        assertThat(result.diagnoses()).isEmpty();
    }

    @Test
    void aCnameToANameWithoutTheRecordKeepsTheCnameDiagnosis() {
        dns.cname("example.com", challenge.recordName(), TARGET).a("dnshost.net", TARGET, "192.0.2.7");

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_ALIAS, challenge.recordName()));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.CNAME_AT_CHALLENGE);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.CNAME_PROBLEM, challenge.recordName(),
                    TARGET));
        });
    }

    @Test
    void aHopWhoseTargetDoesNotExistIsNamedWithTheChain() {
        dns.cname("example.com", challenge.recordName(), "hop.dnshost.net")
                .cname("dnshost.net", "hop.dnshost.net", TARGET);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        // The target zone's own servers were asked, not only the resolver, and their "not found" time is given.
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME_CACHED, TARGET,
                DnsCheckerTest.NOW.plusSeconds(900)));
        assertThat(result.servers()).filteredOn(r -> TARGET.equals(r.cnameTarget())).hasSize(2)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(DnsOutcome.NO_SUCH_NAME));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.CNAME_TARGET_MISSING);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.CNAME_TARGET_MISSING_PROBLEM,
                    challenge.recordName() + " \u2192 hop.dnshost.net \u2192 " + TARGET, TARGET));
            assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.CNAME_TARGET_MISSING_FIX, TARGET,
                    Challenge.RECORD_LABEL));
        });
    }

    @Test
    void aHopThatOnlySomeOfItsZonesServersHoldIsPartlyPublishedThere() {
        dns.cname("example.com", challenge.recordName(), "hop.dnshost.net")
                .txt("dnshost.net", TARGET, challenge.recordValue());
        dns.server("ns1.dnshost.net").cname("hop.dnshost.net", TARGET); // ns2.dnshost.net does not have it yet
        dns.resolver.cname("hop.dnshost.net", TARGET);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED,
                "hop.dnshost.net", 1, 2));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.PARTIALLY_PUBLISHED);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.PARTIALLY_PUBLISHED_PROBLEM, 1, 2,
                    "ns2.dnshost.net (127.0.0.34)"));
        });
    }

    @Test
    void aLameServerOfAHopIsNamedAndTheOtherServersCarryTheChain() {
        dns.cname("example.com", challenge.recordName(), "hop.dnshost.net")
                .cname("dnshost.net", "hop.dnshost.net", TARGET).txt("dnshost.net", TARGET, challenge.recordValue());
        dns.server("ns2.dnshost.net").mode(TestDnsServer.Mode.REFUSED);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED_CHAIN, 1, 2,
                challenge.recordName(), TARGET,
                challenge.recordName() + " \u2192 hop.dnshost.net \u2192 " + TARGET));
        // Named once for each name it was asked about, with the zone it should serve: the hop and the target.
        assertThat(result.diagnoses()).extracting(Diagnosis::problem).containsExactly(
                DomainReason.of(ReasonCode.SERVER_REFUSES_PROBLEM, "ns2.dnshost.net (127.0.0.34)", "dnshost.net",
                        "hop.dnshost.net"),
                DomainReason.of(ReasonCode.SERVER_REFUSES_PROBLEM, "ns2.dnshost.net (127.0.0.34)", "dnshost.net",
                        TARGET));
    }

    @Test
    void aHopWhoseServersAllFailCannotBeJudgedAndSaysSo() {
        dns.cname("example.com", challenge.recordName(), TARGET).txt("dnshost.net", TARGET, challenge.recordValue());
        dns.server("ns1.dnshost.net").mode(TestDnsServer.Mode.REFUSED);
        dns.server("ns2.dnshost.net").mode(TestDnsServer.Mode.REFUSED);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_NO_USABLE_ANSWER,
                "ns1.dnshost.net (127.0.0.33), ns2.dnshost.net (127.0.0.34)"));
        assertThat(result.diagnoses()).extracting(Diagnosis::kind)
                .containsExactly(Diagnosis.Kind.SERVER_LAME, Diagnosis.Kind.SERVER_LAME)
                .doesNotContain(Diagnosis.Kind.CNAME_AT_CHALLENGE);
    }

    @Test
    void aCnameTargetWithAnotherValueIsAMismatchThere() {
        dns.cname("example.com", challenge.recordName(), TARGET).txt("dnshost.net", TARGET, "something else");

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_MISMATCH, TARGET));
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.OTHER_VALUE);
    }

    @Test
    void aCnameLoopIsDiagnosedAsALoop() {
        dns.cname("example.com", challenge.recordName(), "a.dnshost.net")
                .cname("dnshost.net", "a.dnshost.net", challenge.recordName());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.CNAME_CHAIN_BROKEN);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.CNAME_LOOP_PROBLEM,
                    challenge.recordName() + " \u2192 a.dnshost.net \u2192 " + challenge.recordName()));
            assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.CNAME_CHAIN_FIX, Challenge.RECORD_LABEL));
        });
    }

    @Test
    void aChainLongerThanTheLimitIsNotFollowedToTheEnd() {
        dns.cname("example.com", challenge.recordName(), "h1.dnshost.net");
        for (int i = 1; i <= 10; i++) {
            dns.cname("dnshost.net", "h" + i + ".dnshost.net", "h" + (i + 1) + ".dnshost.net");
        }
        dns.txt("dnshost.net", "h11.dnshost.net", challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        StringBuilder chain = new StringBuilder(challenge.recordName());
        for (int i = 1; i <= CnameChain.MAX_ALIASES + 1; i++) {
            chain.append(" \u2192 h").append(i).append(".dnshost.net");
        }
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.CNAME_CHAIN_BROKEN);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.CNAME_TOO_LONG_PROBLEM, chain.toString(),
                    CnameChain.MAX_ALIASES));
        });
        // The last alias within the limit was asked about, the one beyond it not.
        assertThat(result.servers()).anyMatch(r -> "h8.dnshost.net".equals(r.cnameTarget()))
                .noneMatch(r -> "h9.dnshost.net".equals(r.cnameTarget()));
    }

    @Test
    void aCnameThatOnlySomeOfTheZonesServersHaveIsPartlyPublished() {
        dns.txt("dnshost.net", TARGET, challenge.recordValue());
        dns.server("ns1.example.com").cname(challenge.recordName(), TARGET);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED,
                challenge.recordName(), 1, 2));
    }
}
