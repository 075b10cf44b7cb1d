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
        "''                     | Enter a domain name",
        "'   '                  | Enter a domain name",
        "com                    | not a full domain name",
        "localhost              | not a full domain name",
        "192.0.2.1              | is an IP address",
        "2001:db8::1            | is an IP address",
        "example.123            | ends in a number",
        "user@example.com       | e-mail address",
        "https://example.com    | web address",
        "exa mple.com           | not allowed",
        "exa_mple.com           | not allowed",
        "example..com           | empty part",
        ".example.com           | empty part",
        "-example.com           | starts or ends with a hyphen",
        "example-.com           | starts or ends with a hyphen",
    })
    void rejectsWithAPlainMessage(String input, String message) {
        assertThatThrownBy(() -> DomainName.parse(input)).isInstanceOf(InvalidDomainException.class)
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void rejectsOverlongNames() {
        assertThatThrownBy(() -> DomainName.parse("a".repeat(64) + ".com"))
                .isInstanceOf(InvalidDomainException.class).hasMessageContaining("at most 63 characters");
        String long254 = ("a".repeat(49) + ".").repeat(5) + "abcd"; // 254 characters
        assertThatThrownBy(() -> DomainName.parse(long254))
                .isInstanceOf(InvalidDomainException.class).hasMessageContaining("at most 253 characters");
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
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("Exception");
            }
        });
    }

    private static String domainLike(Random r) {
        return r.nextBoolean() ? Gen.anyString(r, 300) : Gen.string(r, "abcXYZ019-._@:/ \u00fc\u3002\u4f8b\"", 80);
    }
}
