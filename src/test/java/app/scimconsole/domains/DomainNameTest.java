package app.scimconsole.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.testing.Gen;
import app.scimconsole.testing.Property;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "example.com            | example.com",
        "Example.COM            | example.com",
        "example.com.           | example.com",
        "'  example.com  '      | example.com",
        "mail.example.co.uk     | mail.example.co.uk",
        "bücher.example         | xn--bcher-kva.example",
        "BÜCHER.example         | xn--bcher-kva.example",
        "xn--bcher-kva.example  | xn--bcher-kva.example",
        "例え.テスト              | xn--r8jz45g.xn--zckzah",
        "例え。テスト              | xn--r8jz45g.xn--zckzah",
        "a-b.example            | a-b.example",
        "123.example            | 123.example",
    })
    void normalises(String input, String ascii) {
        assertThat(DomainName.parse(input).ascii()).isEqualTo(ascii);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "''                     | NAME_EMPTY          |",
        "'   '                  | NAME_EMPTY          |",
        "com                    | NAME_NOT_FULL       | com",
        "localhost              | NAME_NOT_FULL       | localhost",
        "192.0.2.1              | NAME_IP_ADDRESS     | 192.0.2.1",
        "2001:db8::1            | NAME_IP_ADDRESS     | 2001:db8::1",
        "example.123            | NAME_ENDS_IN_NUMBER | example.123",
        "user@example.com       | NAME_EMAIL_ADDRESS  |",
        "https://example.com    | NAME_WEB_ADDRESS    |",
        "exa mple.com           | NAME_BAD_CHARACTERS | exa mple",
        "exa_mple.com           | NAME_BAD_CHARACTERS | exa_mple",
        "example..com           | NAME_EMPTY_PART     | example..com",
        ".example.com           | NAME_EMPTY_PART     | .example.com",
        "-example.com           | NAME_HYPHEN_AT_END  | -example",
        "example-.com           | NAME_HYPHEN_AT_END  | example-",
    })
    void rejectsWithAReason(String input, ReasonCode code, String text) {
        assertThatThrownBy(() -> DomainName.parse(input)).isInstanceOfSatisfying(InvalidDomainException.class,
                e -> assertThat(e.reason()).isEqualTo(text == null ? DomainReason.of(code)
                        : DomainReason.of(code, text)));
    }

    @org.junit.jupiter.api.Test
    void rejectsOverlongNames() {
        assertThatThrownBy(() -> DomainName.parse("a".repeat(64) + ".com")).isInstanceOfSatisfying(
                InvalidDomainException.class, e -> assertThat(e.reason()).isEqualTo(
                        DomainReason.of(ReasonCode.NAME_PART_TOO_LONG, "a".repeat(20) + "…", 63)));
        String long254 = ("a".repeat(49) + ".").repeat(5) + "abcd"; // 254 characters
        assertThatThrownBy(() -> DomainName.parse(long254)).isInstanceOfSatisfying(InvalidDomainException.class,
                e -> assertThat(e.reason()).isEqualTo(DomainReason.of(ReasonCode.NAME_TOO_LONG, 253, 254)));
        assertThat(DomainName.parse(long254.substring(1)).ascii()).hasSize(253);
    }

    @org.junit.jupiter.api.Test
    void unicodeFormAndDnsNames() {
        DomainName d = DomainName.parse("Bücher.Example.");
        assertThat(d.unicode()).isEqualTo("bücher.example");
        assertThat(d.toDnsName().toString()).isEqualTo("xn--bcher-kva.example.");
        assertThat(d.child("_x").toString()).isEqualTo("_x.xn--bcher-kva.example.");
        assertThat(d).isEqualTo(DomainName.parse("xn--bcher-kva.example"));
    }

    @Test
    void anyTextEitherParsesOrGivesTheDocumentedException() {
        Property.forAll(2000, DomainNameTest::domainLike, input -> {
            try {
                DomainName d = DomainName.parse(input);
                assertThat(DomainName.parse(d.ascii())).isEqualTo(d);
                assertThat(d.ascii()).hasSizeLessThanOrEqualTo(253).matches("[a-z0-9.-]+").contains(".");
            } catch (InvalidDomainException expected) {
                assertThat(expected.reason().code().code()).startsWith("domain.name.");
            }
        });
    }

    private static String domainLike(Random r) {
        return r.nextBoolean() ? Gen.anyString(r, 300) : Gen.string(r, "abcXYZ019-._@:/ \u00fc\u3002\u4f8b\"", 80);
    }
}
