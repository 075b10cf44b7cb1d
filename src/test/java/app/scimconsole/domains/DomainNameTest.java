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
        "straße.com             | xn--strae-oqa.com",
        "faß.de                 | xn--fa-hia.de",
        "ｅｘａｍｐｌｅ.com         | example.com",
        "EXAMPLE．ＣＯＭ            | example.com",
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
        "ab--cd.com             | NAME_HYPHENS_3_4    | ab--cd",
        "xn--a.com              | NAME_BAD_PUNYCODE   | xn--a",
    })
    void rejectsWithAReason(String input, ReasonCode code, String text) {
        assertThatThrownBy(() -> DomainName.parse(input)).isInstanceOfSatisfying(InvalidDomainException.class,
                e -> assertThat(e.reason()).isEqualTo(text == null ? DomainReason.of(code)
                        : DomainReason.of(code, text)));
    }

    /**
     * IDNA2008 non-transitional (issue 17): the deviation characters are letters of their own, so the owner of
     * strasse.com proves nothing about straße.com; invisible joiners and mixed directions are refused, each with
     * the label it concerns, never ICU's own words.
     */
    @Test
    void deviationCharactersNameDomainsOfTheirOwn() {
        assertThat(DomainName.parse("straße.com")).isNotEqualTo(DomainName.parse("strasse.com"));
        assertThat(DomainName.parse("faß.de")).isNotEqualTo(DomainName.parse("fass.de"));
        assertThat(DomainName.parse("βόλος.com")).isNotEqualTo(DomainName.parse("βόλοσ.com"));
        assertThat(DomainName.parse("straße.com").unicode()).isEqualTo("straße.com");
        assertThat(DomainName.parse("xn--strae-oqa.com")).isEqualTo(DomainName.parse("STRASSE.com".replace("SS", "ß")));
        expectRefused("a\u200db.com", ReasonCode.NAME_JOINER, "a\u200db");
        expectRefused("a\u200cb.com", ReasonCode.NAME_JOINER, "a\u200cb");
        expectRefused("\u0301a.com", ReasonCode.NAME_STARTS_WITH_MARK, "\u0301a");
        expectRefused("a\u00b7b.com", ReasonCode.NAME_CONTEXT, "a\u00b7b");
        expectRefused("\u05d0a.com", ReasonCode.NAME_BIDI, "\u05d0a");
        expectRefused("exa\u00admple.com", ReasonCode.NAME_BAD_CHARACTERS, "exa\u00admple");
        expectRefused("a\u0000b.com", ReasonCode.NAME_BAD_CHARACTERS, "a\u0000b");
        // the Bidi rule across labels: a right-to-left label makes a digit-first label wrong too
        expectRefused("1a.\u05d0\u05d1.com", ReasonCode.NAME_BIDI, "1a.\u05d0\u05d1.com");
        assertThat(DomainName.parse("\u05d0\u05d1.com").ascii()).startsWith("xn--");
    }

    @Test
    void aStoredNameStaysReadableAndFindableUnderTodaysRules() {
        assertThatThrownBy(() -> DomainName.parse("ab--cd.com")).isInstanceOf(InvalidDomainException.class);
        assertThat(DomainName.canonical("ab--cd.com").ascii()).isEqualTo("ab--cd.com");
        assertThat(DomainName.canonical("ab--cd.com").unicode()).isEqualTo("ab--cd.com");
        assertThat(DomainName.lookup("ab--cd.com")).isEqualTo(DomainName.canonical("ab--cd.com"));
        assertThat(DomainName.lookup("Straße.com")).isEqualTo(DomainName.parse("straße.com"));
        assertThatThrownBy(() -> DomainName.lookup("a\u200db.com")).isInstanceOf(InvalidDomainException.class);
        assertThatThrownBy(() -> DomainName.canonical("Not Canonical")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void expectRefused(String input, ReasonCode code, String part) {
        assertThatThrownBy(() -> DomainName.parse(input)).as(input).isInstanceOfSatisfying(
                InvalidDomainException.class, e -> assertThat(e.reason()).isEqualTo(DomainReason.of(code, part)));
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
