package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;

import app.scimconsole.testing.Gen;
import app.scimconsole.testing.Property;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The offline zone-file check fed generated text (zone-shaped lines, near misses and noise): it gives a result
 * or its documented {@link ZoneFileException} with a plain message, never anything else, and quickly.
 */
@Timeout(60)
class ZoneFileFuzzTest {
    private final Challenge challenge = new Challenge(DomainName.parse("example.com"), DnsCheckerTest.TOKEN);
    private final ZoneFileCheck check = new ZoneFileCheck(Clock.fixed(DnsCheckerTest.NOW, ZoneOffset.UTC));

    private String line(Random r) {
        String owner = Gen.oneOf(r, "@", "example.com.", "_scim-console-challenge", challenge.recordName() + ".", "www", "*",
                "sub.example.com.", "other.org.", "", "\\.", "a".repeat(70), ".", "..");
        String ttl = Gen.oneOf(r, "", "300 ", "0 ", "-1 ", "99999999999 ", "1h ", "1w2d ");
        String cls = Gen.oneOf(r, "IN ", "", "CH ", "HS ", "ANY ");
        return Gen.weighted(r, new int[] {3, 2, 2, 2, 1, 1, 1, 1},
                () -> owner + " " + ttl + cls + "TXT " + Gen.oneOf(r, "\"" + challenge.recordValue() + "\"",
                        "( \"scim-console-verification=\" \"" + challenge.token() + "\" )", "\"unterminated",
                        "\"a\\\"b\"", "\"" + Gen.anyString(r, 300).replace("\"", "") + "\"", "", "(", ")", "\"\\999\""),
                () -> owner + " " + ttl + cls + "SOA " + Gen.oneOf(r, "ns1 hostmaster 1 3600 600 86400 60",
                        "ns1. host. ( 2025 1 2 3 4 )", "ns1 host", "( ns1 host 1 2 3 4 5", "x y z w v u t"),
                () -> owner + " " + ttl + cls + Gen.oneOf(r, "A 192.0.2.1", "A 999.1.1.1", "AAAA ::1", "NS ns1",
                        "CNAME target.example.net.", "CNAME " + owner, "MX 10 mail", "TYPE65534 \\# 0", "SRV 1 2 3 x", "A"),
                () -> Gen.oneOf(r, "$ORIGIN example.com.", "$ORIGIN .", "$ORIGIN", "$ORIGIN other.org.", "$TTL 60",
                        "$TTL x", "$TTL", "$INCLUDE /etc/passwd", "$INCLUDE", "$GENERATE 1-1000 h$ A 192.0.2.$",
                        "$GENERATE 1-100000000 x$ TXT \"y\"", "$UNKNOWN"),
                () -> "; " + Gen.anyString(r, 40),
                () -> Gen.anyString(r, 80),
                () -> challenge.recordName() + ". IN TXT \"" + challenge.recordValue() + "\"",
                () -> Gen.string(r, "()\"\\;$@. \t", 30));
    }

    @Test
    void generatedZoneTextGivesAResultOrTheDocumentedException() {
        Property.forAll(600, r -> String.join(Gen.oneOf(r, "\n", "\r\n", "\r"), Gen.listOf(r, 25, this::line)), zone -> {
            try {
                VerificationResult result = check.check(challenge, zone);
                assertThat(result.status()).isNotNull();
            } catch (ZoneFileException e) {
                assertThat(e.reason().code().code()).startsWith("domain.zone.");
                assertThat(e.reason().args()).allSatisfy(arg -> assertThat(arg).doesNotContain("\tat "));
            }
        });
    }
}
