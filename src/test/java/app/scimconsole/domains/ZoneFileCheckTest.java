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
        assertThat(result.summary()).contains("would verify").contains("never marks the domain verified");
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
        assertThatThrownBy(() -> checkFile("include.zone")).isInstanceOf(ZoneFileException.class)
                .hasMessageContaining("$INCLUDE, which is not allowed");
    }

    @Test
    void syntaxErrorsSayTheLine() {
        assertThatThrownBy(() -> checkFile("broken.zone")).isInstanceOf(ZoneFileException.class)
                .hasMessageStartingWith("The zone text could not be read (line ").hasMessageContaining("quoted string");
    }

    @Test
    void anUnreadableFileIsAPlainError() {
        assertThatThrownBy(() -> check.check(challenge, Path.of("/nonexistent/zone")))
                .isInstanceOf(ZoneFileException.class).hasMessageContaining("could not be read");
    }
}
