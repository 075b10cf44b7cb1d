package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.domains.TestDnsServer.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ExtendedErrorCodeOption;

/** {@link DnsChecker} against one real DNS server on loopback, used as {@code --dns-server}. */
class DnsCheckerTest {
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final String TOKEN = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";

    TestDnsServer dns;
    DnsChecker checker;
    Challenge challenge = new Challenge(DomainName.parse("example.com"), TOKEN);

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start();
        dns.zone("example.com", 2025030101, 3600, 300).ns("example.com", "ns1.example.com");
        checker = DnsChecker.usingServer(dns.address()).withTimeout(Duration.ofMillis(400))
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void verifiedWhenTheRecordIsPublished() {
        dns.txt(challenge.recordName(), challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.diagnoses()).isEmpty();
        assertThat(result.notFoundCachedUntil()).isNull();
        assertThat(result.servers()).singleElement().satisfies(row -> {
            assertThat(row.role()).isEqualTo(ServerRole.CONFIGURED);
            assertThat(row.hasRecord()).isTrue();
            assertThat(row.authoritative()).isTrue();
            assertThat(row.soaSerial()).isEqualTo(2025030101L);
            assertThat(row.answer()).isEqualTo(DomainReason.of(ReasonCode.ANSWER_HAS_RECORD));
            assertThat(row.server()).isEqualTo(DomainReason.of(ReasonCode.SERVER_GIVEN,
                    "127.0.0.1:" + dns.address().getPort()));
        });
    }

    @Test
    void pendingWhenTheNameDoesNotExistSaysWhenCachedNotFoundExpires() {
        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.servers().get(0).outcome()).isEqualTo(DnsOutcome.NO_SUCH_NAME);
        // min(SOA TTL 3600, MINIMUM 300) = 300 s
        assertThat(result.notFoundCachedUntil()).isEqualTo(NOW.plusSeconds(300));
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_NO_SUCH_NAME_CACHED,
                challenge.recordName(), "2025-03-01T10:05:00Z"));
        assertThat(result.diagnoses()).isEmpty();
    }

    @Test
    void pendingWhenTheNameExistsWithoutTxt() {
        dns.a(challenge.recordName(), "192.0.2.1");

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.servers().get(0).outcome()).isEqualTo(DnsOutcome.NO_RECORDS);
        assertThat(result.notFoundCachedUntil()).isEqualTo(NOW.plusSeconds(300));
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_NO_RECORDS_CACHED,
                challenge.recordName(), NOW.plusSeconds(300)));
    }

    @Test
    void aRecordPublishedAfterAFailedCheckIsSeenAtOnce() {
        assertThat(checker.check(challenge).status()).isEqualTo(VerificationStatus.PENDING);
        dns.txt(challenge.recordName(), challenge.recordValue());
        assertThat(checker.check(challenge).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void mismatchWhenTheRecordHasAnotherValue() {
        dns.txt(challenge.recordName(), Challenge.VALUE_PREFIX + "x".repeat(52));

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.OTHER_VALUE);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.OTHER_VALUE_OURS_PROBLEM,
                    "\"" + Challenge.VALUE_PREFIX + "x".repeat(52) + "\""));
            assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.OTHER_VALUE_FIX, challenge.recordValue()));
        });
        assertThat(result.servers().get(0).values()).containsExactly(Challenge.VALUE_PREFIX + "x".repeat(52));
    }

    @Test
    void literalQuotesAreDiagnosed() {
        dns.txt(challenge.recordName(), "\"" + challenge.recordValue() + "\"");

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.QUOTES_OR_SPACES);
    }

    @Test
    void surroundingSpacesAreDiagnosed() {
        dns.txt(challenge.recordName(), " " + challenge.recordValue() + " ");

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.QUOTES_OR_SPACES);
    }

    @Test
    void valueAtTheApexIsDiagnosed() {
        dns.txt("example.com", "v=spf1 -all").txt("example.com", challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.TOKEN_AT_APEX);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.TOKEN_AT_APEX_PROBLEM, "example.com",
                    challenge.recordName()));
            assertThat(d.fix()).isEqualTo(DomainReason.of(ReasonCode.TOKEN_AT_APEX_FIX, Challenge.RECORD_LABEL));
        });
    }

    @Test
    void doubledNameIsDiagnosed() {
        dns.txt(challenge.recordName() + ".example.com", challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.NAME_DOUBLED);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.DOUBLED_NAME_PROBLEM,
                    "_scim-console-challenge.example.com.example.com"));
        });
    }

    @Test
    void doubledZoneNameOfASubdomainIsDiagnosed() {
        Challenge sub = new Challenge(DomainName.parse("mail.example.com"), TOKEN);
        dns.a("mail.example.com", "192.0.2.7");
        dns.txt(sub.recordName() + ".example.com", sub.recordValue());

        VerificationResult result = checker.check(sub);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.NAME_DOUBLED);
    }

    @Test
    void cnameAtTheChallengeNameIsDiagnosed() {
        dns.cname(challenge.recordName(), "verify.provider.example.net");

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.servers().get(0).outcome()).isEqualTo(DnsOutcome.ALIAS);
        assertThat(result.diagnoses()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Diagnosis.Kind.CNAME_AT_CHALLENGE);
            assertThat(d.problem()).isEqualTo(DomainReason.of(ReasonCode.CNAME_PROBLEM, challenge.recordName(),
                    "verify.provider.example.net"));
        });
    }

    @Test
    void aCnameToATargetTheServerAlsoServesIsFollowed() {
        dns.zone("provider.example.net", 7, 3600, 300).cname(challenge.recordName(), "verify.provider.example.net")
                .txt("verify.provider.example.net", challenge.recordValue());

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_VERIFIED_DELEGATED, 1, 1,
                challenge.recordName(), "verify.provider.example.net"));
        assertThat(result.servers()).extracting(ServerCheck::cnameTarget, ServerCheck::soaSerial)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 2025030101L),
                        org.assertj.core.groups.Tuple.tuple("verify.provider.example.net", 7L));
    }

    @Test
    void aValueSplitIntoSeveralStringsIsJoined() {
        String value = challenge.recordValue();
        dns.txt(challenge.recordName(), value.substring(0, 10), value.substring(10, 40), value.substring(40));

        assertThat(checker.check(challenge).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void oneMatchingRecordAmongSeveralSuffices() {
        dns.txt(challenge.recordName(), "something else").txt(challenge.recordName(), challenge.recordValue())
                .txt(challenge.recordName(), "\"quoted\"");

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers().get(0).values()).hasSize(3);
    }

    @Test
    void separateRecordsAreNotJoined() {
        String value = challenge.recordValue();
        dns.txt(challenge.recordName(), value.substring(0, 20)).txt(challenge.recordName(), value.substring(20));

        assertThat(checker.check(challenge).status()).isEqualTo(VerificationStatus.MISMATCH);
    }

    @Test
    void serverFailureIsAnErrorInPlainWords() {
        dns.mode(Mode.SERVFAIL);
        dns.extendedError(ExtendedErrorCodeOption.DNSSEC_BOGUS, "signature expired");

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(result.servers().get(0).outcome()).isEqualTo(DnsOutcome.SERVER_FAILURE);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_NO_USABLE_ANSWER,
                "127.0.0.1:" + dns.address().getPort()));
        assertThat(result.servers().get(0).answer()).satisfies(a -> {
            assertThat(a.code()).isEqualTo(ReasonCode.ANSWER_FAILURE);
            assertThat(a.args().get(0)).contains("signature expired");
        });
    }

    @Test
    void timeoutIsAnErrorInPlainWords() {
        dns.mode(Mode.DROP);

        long start = System.nanoTime();
        VerificationResult result = checker.check(challenge);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(result.servers().get(0).outcome()).isEqualTo(DnsOutcome.TIMEOUT);
        assertThat(result.summary().code()).isEqualTo(ReasonCode.CHECK_NO_USABLE_ANSWER);
        assertThat(result.servers().get(0).answer()).isEqualTo(DomainReason.of(ReasonCode.ANSWER_TIMEOUT_MILLIS, 400));
    }

    @Test
    void lateAnswerWithinTheTimeLimitCounts() {
        dns.txt(challenge.recordName(), challenge.recordValue());
        dns.delay(Duration.ofMillis(100));

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers().get(0).millis()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void refusedIsAnError() {
        dns.mode(Mode.REFUSED);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(result.summary().code()).isEqualTo(ReasonCode.CHECK_NO_USABLE_ANSWER);
        assertThat(result.servers().get(0).answer()).isEqualTo(DomainReason.of(ReasonCode.ANSWER_REFUSED));
    }

    @Test
    void aConfiguredServerNeedNotSetTheAuthoritativeBit() {
        dns.txt(challenge.recordName(), challenge.recordValue());
        dns.authoritative(false);

        VerificationResult result = checker.check(challenge);

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.servers().get(0).authoritative()).isFalse();
    }

    @Test
    void truncatedUdpAnswersAreRetriedOverTcp() {
        dns.txt(challenge.recordName(), challenge.recordValue());
        dns.mode(Mode.TRUNCATE_UDP);

        assertThat(checker.check(challenge).status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(dns.tcpQueries.get()).isPositive();
    }

    @Test
    void largeAnswersArriveOverTcp() {
        for (int i = 0; i < 8; i++) {
            dns.txt(challenge.recordName(), ("filler-" + i + "-").repeat(25));
        }
        dns.txt(challenge.recordName(), challenge.recordValue());

        assertThat(checker.check(challenge).status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(dns.tcpQueries.get()).isPositive();
    }
}
