package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ZoneFileCheckTest {
    final Challenge challenge = new Challenge(DomainName.parse("example.com"), DnsCheckerTest.TOKEN);
    final ZoneFileCheck check = new ZoneFileCheck(Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC));

    private VerificationResult checkFile(String name) {
        return check.check(challenge, file(name));
    }

    private static Path file(String name) {
        try {
            return Path.of(ZoneFileCheckTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aZoneWithTheRecordWouldVerify() {
        VerificationResult result = checkFile("verified.zone");

        assertThat(result.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.summary()).isEqualTo(DomainReason.of(ReasonCode.CHECK_ZONE_WOULD_VERIFY,
                "_scim-console-challenge.example.com"));
        assertThat(result.servers()).singleElement().satisfies(row -> {
            assertThat(row.role()).isEqualTo(ServerRole.ZONE_FILE);
            assertThat(row.soaSerial()).isEqualTo(2025030101L);
        });
    }

    @Test
    void aMissingRecordIsPendingWithTheNegativeCacheTime() {
        VerificationResult result = checkFile("missing.zone");

        assertThat(result.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(result.notFoundCachedUntil()).isEqualTo(DnsCheckerTest.NOW.plusSeconds(300));
    }

    @Test
    void otherValueIsAMismatch() {
        VerificationResult result = checkFile("mismatch.zone");

        assertThat(result.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(result.diagnoses()).extracting(Diagnosis::kind).containsExactly(Diagnosis.Kind.OTHER_VALUE);
    }

    @Test
    void everyDiagnosisComesOutOfAZoneFileToo() {
        assertThat(checkFile("apex.zone").diagnoses()).extracting(Diagnosis::kind)
                .containsExactly(Diagnosis.Kind.TOKEN_AT_APEX);
        assertThat(checkFile("doubled.zone").diagnoses()).extracting(Diagnosis::kind)
                .containsExactly(Diagnosis.Kind.NAME_DOUBLED);
        assertThat(checkFile("quoted.zone").diagnoses()).extracting(Diagnosis::kind)
                .containsExactly(Diagnosis.Kind.QUOTES_OR_SPACES);
        assertThat(checkFile("cname.zone").diagnoses()).extracting(Diagnosis::kind)
                .containsExactly(Diagnosis.Kind.CNAME_AT_CHALLENGE);
    }

    @Test
    void aPastedDigAnswerIsRead() {
        assertThat(checkFile("dig-answer.txt").status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void pastedRecordsWithRelativeNamesAreUnderTheDomain() {
        String pasted = "_scim-console-challenge 300 IN TXT \"" + challenge.recordValue() + "\"\n";
        assertThat(check.check(challenge, pasted).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void includeIsRefused() {
        assertThatThrownBy(() -> checkFile("include.zone")).isInstanceOfSatisfying(ZoneFileException.class,
                e -> assertThat(e.reason()).isEqualTo(DomainReason.of(ReasonCode.ZONE_INCLUDE)));
    }

    @Test
    void syntaxErrorsSayTheLine() {
        assertThatThrownBy(() -> checkFile("broken.zone")).isInstanceOfSatisfying(ZoneFileException.class, e -> {
            assertThat(e.reason().code()).isEqualTo(ReasonCode.ZONE_SYNTAX);
            assertThat(e.reason().args()).singleElement().satisfies(line -> assertThat(line).matches("[1-9][0-9]*"));
        });
    }

    @Test
    void anUnreadableFileIsAPlainError() {
        assertThatThrownBy(() -> check.check(challenge, Path.of("/nonexistent/zone"))).isInstanceOfSatisfying(
                ZoneFileException.class, e -> assertThat(e.reason()).isEqualTo(
                        DomainReason.of(ReasonCode.ZONE_FILE_UNREADABLE, "/nonexistent/zone")));
    }
}
