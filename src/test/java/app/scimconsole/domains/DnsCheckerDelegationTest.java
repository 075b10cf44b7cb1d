package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DnsChecker} reading the parent's delegation (what the registrar has on file, from the TLD's server) beside
 * the zone's own NS records, asking the union, and saying where the two lists differ; on a {@link DnsHierarchy}.
 */
class DnsCheckerDelegationTest {
    static final String NS1 = "ns1.example.com";
    static final String NS2 = "ns2.example.com";

    DnsHierarchy dns;
    DnsChecker checker;
    Challenge challenge = new Challenge(DomainName.parse("example.com"), DnsCheckerTest.TOKEN);

    @BeforeEach
    void start() throws Exception {
        dns = DnsHierarchy.start();
        checker = dns.checkerAt(DnsCheckerTest.NOW);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void aServerOnlyTheRegistrarStillListsIsAskedAndItsMissingRecordIsDiagnosed() {
        dns.zone("example.com", 5, NS1).delegate("example.com", NS1, NS2)
                .oldCopy(NS2, "example.com", 3, NS1, NS2)
                .txt("example.com", challenge.recordName(), challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED,
                challenge.recordName(), 1, 2));
        assertThat(result.servers()).filteredOn(r -> r.role().decides())
                .extracting(ServerCheck::server, ServerCheck::role, ServerCheck::hasRecord)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DomainReason.of(ReasonCode.SERVER_NAMED, NS1, "127.0.0.31"),
                                ServerRole.AUTHORITATIVE, true),
                        org.assertj.core.groups.Tuple.tuple(DomainReason.of(ReasonCode.SERVER_NAMED, NS2, "127.0.0.32"),
                                ServerRole.PARENT_ONLY, false));
        assertThat(result.servers()).filteredOn(r -> r.role() == ServerRole.PARENT_ONLY).singleElement()
                .satisfies(r -> assertThat(r.answer()).isEqualTo(DomainReason.of(
                        ReasonCode.ANSWER_NO_SUCH_NAME_BEHIND, 3, 5)));
        assertThat(result.diagnoses()).filteredOn(d -> d.kind() == Diagnosis.Kind.DELEGATION_MISMATCH)
                .singleElement().satisfies(d -> {
                    assertThat(d.problem()).isEqualTo(DomainReason.of(
                            ReasonCode.PARENT_ONLY_WITHOUT_RECORD_PROBLEM, NS2));
                    assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.DELEGATION_FIX, NS2));
                });
    }

    @Test
    void aFormerDnsHostTheRegistrarStillListsThatRefusesTheZoneIsNamedTwice() {
        String old = "ns.oldhost.net";
        dns.zone("example.com", 5, NS1).delegate("example.com", NS1, old)
                .txt("example.com", challenge.recordName(), challenge.recordValue());
        dns.server(old); // up, but it no longer serves the zone: it refuses

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_SOME_SILENT, 1, 2,
                challenge.recordName(), old + " (127.0.0.32)"));
        assertThat(result.diagnoses()).extracting(Diagnosis::problem).containsExactly(
                DomainReason.of(ReasonCode.SERVER_REFUSES_PROBLEM, old + " (127.0.0.32)", "example.com", challenge.recordName()),
                DomainReason.of(ReasonCode.PARENT_ONLY_PROBLEM, old));
    }

    @Test
    void aServerTheRegistrarDoesNotListIsStillAskedAndTheGapIsAWarning() {
        dns.zone("example.com", 5, NS1, NS2).delegate("example.com", NS1)
                .txt("example.com", challenge.recordName(), challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED, 2, 2,
                challenge.recordName()));
        assertThat(result.servers()).filteredOn(r -> r.role() == ServerRole.ZONE_ONLY)
                .extracting(ServerCheck::server)
                .containsExactly(DomainReason.of(ReasonCode.SERVER_NAMED, NS2, "127.0.0.32"));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.DELEGATION_MISMATCH);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.ZONE_ONLY_PROBLEM, NS2));
        });
    }

    @Test
    void listsThatAgreeGiveNoDiagnosisAndEveryServerIsListedByBoth() {
        dns.zone("example.com", 5, NS1, NS2).txt("example.com", challenge.recordName(), challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).isEmpty();
        assertThat(result.servers()).filteredOn(r -> r.role().decides()).hasSize(2)
                .allSatisfy(r -> assertThat(r.role()).isEqualTo(ServerRole.AUTHORITATIVE));
        // The delegation was read from the TLD's server, not guessed.
        assertThat(dns.tld.udpQueries.get()).isPositive();
    }

    @Test
    void aSilentParentLeavesTheZonesOwnListToDecide() {
        dns.zone("example.com", 5, NS1, NS2).delegate("example.com", NS1)
                .txt("example.com", challenge.recordName(), challenge.recordValue());
        dns.tld.mode(TestDnsServer.Mode.DROP);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED, 2, 2,
                challenge.recordName()));
        assertThat(result.servers()).filteredOn(r -> r.role().decides())
                .allSatisfy(r -> assertThat(r.role()).isEqualTo(ServerRole.AUTHORITATIVE));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.DELEGATION_UNCHECKED);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.DELEGATION_UNREADABLE_PROBLEM,
                    "example.com", "com", "a.nic.test (127.0.0.21)"));
            assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.DELEGATION_UNREADABLE_FIX, "example.com"));
        });
    }

    @Test
    void aZoneTheParentSaysDoesNotExistIsPendingWithItsOwnDiagnosisNotAnUnreadDelegation() {
        // Hosts outside the zone, so that the TLD keeps no glue below example.com: it answers NXDOMAIN, not NODATA.
        dns.zone("example.com", 5, "ns1.hoster.net", "ns2.hoster.net").delegate("example.com")
                .txt("example.com", challenge.recordName(), challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_NOT_DELEGATED, "example.com", "com"));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.NOT_DELEGATED);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.NOT_DELEGATED_PROBLEM, "example.com", "com",
                    "a.nic.test (127.0.0.21)"));
        });
        assertThat(result.servers()).filteredOn(r -> r.role().decides()).hasSize(2)
                .allSatisfy(r -> assertThat(r.hasRecord()).isTrue());
    }

    @Test
    void aParentThatDeniesTheZoneWithoutAuthorityIsNotTakenAtItsWord() {
        dns.zone("example.com", 5, "ns1.hoster.net", "ns2.hoster.net").delegate("example.com")
                .txt("example.com", challenge.recordName(), challenge.recordValue());
        dns.tld.authoritative(false);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(
                Diagnosis.Kind.DELEGATION_UNCHECKED);
    }

    @Test
    void aParentThatRefusesIsNamedAndTheZonesOwnListStillDecides() {
        dns.zone("example.com", 5, NS1, NS2).delegate("example.com", NS1)
                .oldCopy(NS2, "example.com", 3, NS1, NS2);
        dns.server(NS1).txt(challenge.recordName(), challenge.recordValue());
        dns.tld.mode(TestDnsServer.Mode.REFUSED);

        VerificationResult result = checker.check(challenge);

        // ns2 is on the zone's own list: it is asked, and its old copy without the record holds the check back.
        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_PARTLY_PUBLISHED,
                challenge.recordName(), 1, 2));
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(
                Diagnosis.Kind.PARTIALLY_PUBLISHED, Diagnosis.Kind.DELEGATION_UNCHECKED);
    }

    @Test
    void aNameServerWithoutAnyAddressIsNamedAndTheOthersDecide() {
        String dangling = "ns.gone.net";
        dns.zone("example.com", 5, NS1, NS2).txt("example.com", challenge.recordName(), challenge.recordValue());
        dns.zone("gone.net", 1, "ns1.gone.net");
        for (TestDnsServer s : java.util.List.of(dns.resolver, dns.server(NS1), dns.server(NS2))) {
            s.ns("example.com", dangling); // listed, but gone.net has no address for it
        }
        dns.tld.ns("example.com", dangling);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED, 2, 2,
                challenge.recordName()));
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.NAME_SERVER_WITHOUT_ADDRESS);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.NS_NO_ADDRESS_PROBLEM, dangling,
                    "example.com"));
            assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.NS_NO_ADDRESS_FIX, dangling));
        });
    }

    @Test
    void aNameServerWhoseAddressLookupFailsIsNotCalledDangling() {
        String unknown = "ns.broken.net";
        dns.zone("example.com", 5, NS1, NS2).txt("example.com", challenge.recordName(), challenge.recordValue());
        for (TestDnsServer s : java.util.List.of(dns.resolver, dns.server(NS1), dns.server(NS2))) {
            s.ns("example.com", unknown);
        }
        dns.tld.ns("example.com", unknown);
        dns.resolver.servfail(unknown); // the resolver cannot tell: that says nothing about the host

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind)
                .doesNotContain(Diagnosis.Kind.NAME_SERVER_WITHOUT_ADDRESS);
    }

    @Test
    void ofTwoServersOneDownStillVerifiesWithAWarningNamingIt() {
        dns.zone("example.com", 5, NS1, NS2).txt("example.com", challenge.recordName(), challenge.recordValue());
        dns.server(NS2).mode(TestDnsServer.Mode.DROP);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_SOME_SILENT, 1, 2,
                challenge.recordName(), NS2 + " (127.0.0.32)"));
        assertThat(result.diagnoses()).extracting(Diagnosis::problem).containsExactly(
                DomainReason.of(ReasonCode.SERVER_TIMED_OUT_PROBLEM, NS2 + " (127.0.0.32)", "example.com", challenge.recordName()));
    }
}
