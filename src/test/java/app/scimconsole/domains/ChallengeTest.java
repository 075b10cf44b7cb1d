package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChallengeTest {

    @Test
    void recordNameAndValue() {
        Challenge c = Challenge.issue(DomainName.parse("Example.com."));

        assertThat(c.recordName()).isEqualTo("_scim-console-challenge.example.com");
        assertThat(c.dnsName().toString()).isEqualTo("_scim-console-challenge.example.com.");
        assertThat(c.recordValue()).matches("scim-console-verification=[a-z2-7]{52}");
        assertThat(c.recordValue().length()).isLessThan(255); // one TXT character-string
    }

    @Test
    void tokensAreFreshEachTime() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(Challenge.issue(DomainName.parse("example.com")).token());
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void base32UsesEveryBitOfTheToken() {
        java.security.SecureRandom zeros = new java.security.SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xff);
            }
        };
        // 256 one-bits: 51 full groups of 5 ("7" = 31) and a last group of 1 bit padded with zeros ("q" = 16).
        assertThat(Challenge.newToken(zeros)).isEqualTo("7".repeat(51) + "q");
    }

    @Test
    void rejectsMalformedStoredTokens() {
        assertThatThrownBy(() -> new Challenge(DomainName.parse("example.com"), "ABC"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
