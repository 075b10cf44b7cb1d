package app.scimconsole.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.scimconsole.testing.Gen;
import app.scimconsole.testing.Property;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: any string and its NFC, NFD, fullwidth and zero-width variants map to one identity or are refused.
 * The identity of a userName is its {@link UserNameKey}, unless {@link IdentityText} refuses it.
 */
class UserNameKeyPropertiesTest {
    /** Letters whose case, composition or width is where identities go wrong, and invisible characters. */
    private static final String TRICKY = "abzABZ09@.-_+'é\u00c9e\u0301E\u0301\u00c5\u212bA\u030a\u0130i\u0131I"
            + "\u00df\u1e9e\u03a3\u03c3\u03c2\u039f\u0345\u1fbc\u01c4\u01c5\u01c6\uff21\uff41\uff10\uff20\uff0e"
            + "\uff76\uff9e\u30ac\u30ab\u3099\uffe1\u00a3\u3000\u3164\uffa0\u200b\u200c\u200d\u2060\ufeff\u00ad"
            + "\u034f\u180e\u0000\u0007\u2028\ud83d\ude00\ud83d";
    private static final String ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u180e\u061c\u115f";
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    /**
     * Every assigned code point with a compatibility mapping (its NFKC form is not its NFC form): the ligatures,
     * letterlike symbols, circled and parenthesised forms, super- and subscripts, the fullwidth and halfwidth forms.
     */
    private static final List<Integer> COMPATIBILITY = compatibilityCharacters();

    private static List<Integer> compatibilityCharacters() {
        List<Integer> found = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String one = new String(Character.toChars(c));
            if (!Character.isSurrogate((char) c) && !NFKC.normalize(one).equals(NFC.normalize(one))) {
                found.add(c);
            }
        }
        return found;
    }

    private static boolean widthForm(int c) {
        int type = UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE);
        return type == UCharacter.DecompositionType.WIDE || type == UCharacter.DecompositionType.NARROW;
    }

    /** The identity a userName names, or empty when it is refused. */
    private static Optional<String> identity(String userName) {
        ObjectNode user = JsonNodeFactory.instance.objectNode().put("userName", userName);
        try {
            IdentityText.check(user, Set.of());
        } catch (ScimException refused) {
            assertThat(refused.problem()).isIn(ScimProblem.IDENTITY_CHARACTER,
                    ScimProblem.IDENTITY_COMPATIBILITY_CHARACTER);
            return Optional.empty();
        }
        return Optional.of(UserNameKey.of(userName));
    }

    private static String sample(Random r) {
        return r.nextInt(4) == 0 ? Gen.anyString(r, 12) : Gen.string(r, TRICKY, 16);
    }

    /** Printable ASCII as its fullwidth form (U+FF01..U+FF5E), everything else as it is. */
    private static String fullwidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c >= 0x21 && c <= 0x7e ? c + 0xfee0 : c));
        return b.toString();
    }

    @Test
    void normalizationAndWidthVariantsAreOneIdentityOrAllRefused() {
        Property.forAll(5000, UserNameKeyPropertiesTest::sample, s -> {
            Optional<String> id = identity(s);
            assertThat(identity(NFC.normalize(s))).as("NFC").isEqualTo(id);
            assertThat(identity(NFD.normalize(s))).as("NFD").isEqualTo(id);
            assertThat(identity(fullwidth(s))).as("fullwidth").isEqualTo(id);
        });
    }

    @Test
    void aZeroWidthCharacterAnywhereIsRefused() {
        Property.forAll(5000, r -> {
            String s = sample(r);
            int at = r.nextInt(s.length() + 1);
            if (at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at))) {
                at--; // between the halves of a pair would make a broken surrogate, refused for another reason
            }
            char invisible = ZERO_WIDTH.charAt(r.nextInt(ZERO_WIDTH.length()));
            return s.substring(0, at) + invisible + s.substring(at);
        }, s -> assertThat(identity(s)).as("refused").isEmpty());
    }

    /**
     * RFC 8265 (IdentifierClass, after width mapping): a compatibility character anywhere in a userName is refused
     * at its position, unless it is a fullwidth or halfwidth form of an ordinary character, which names the identity
     * that character names (or is refused with it). A width form of another compatibility character (halfwidth
     * Hangul "ﾷ" is the compatibility jamo "ㅇ") is refused as that character is.
     */
    @Test
    void aCompatibilityCharacterAnywhereIsRefusedOrIsItsWidthMappedForm() {
        assertThat(COMPATIBILITY).hasSizeGreaterThan(3000).contains(0x210C, 0xFB01, 0x2460, 0x00B2, 0xFF21, 0xFF76);
        Property.forAll(20000, r -> {
            String s = Gen.string(r, "abc@example.com.-_", 8);
            int at = r.nextInt(s.length() + 1);
            int c = COMPATIBILITY.get(r.nextInt(COMPATIBILITY.size()));
            return s.substring(0, at) + new String(Character.toChars(c)) + s.substring(at);
        }, s -> {
            int at = 0;
            while (!(COMPATIBILITY.contains(s.codePointAt(at)))) {
                at++; // the sample is ASCII but for the one inserted
            }
            int c = s.codePointAt(at);
            String mapped = NFKC.getRawDecomposition(c);
            String ordinary = s.substring(0, at) + mapped + s.substring(at + Character.charCount(c));
            if (widthForm(c) && NFKC.normalize(mapped).equals(NFC.normalize(mapped))) {
                assertThat(identity(s)).as("a width form names what its ordinary form names")
                        .isEqualTo(identity(ordinary));
            } else {
                ObjectNode user = JsonNodeFactory.instance.objectNode().put("userName", s);
                int position = at + 1;
                assertThatThrownBy(() -> IdentityText.check(user, Set.of()))
                        .isInstanceOfSatisfying(ScimException.class, e -> {
                            assertThat(e.problem()).isIn(ScimProblem.IDENTITY_COMPATIBILITY_CHARACTER,
                                    ScimProblem.IDENTITY_CHARACTER);
                            assertThat(e.args().get(1)).isEqualTo(Integer.toString(position));
                        });
            }
        });
    }

    @Test
    void compatibilityLookAlikesAreRefusedNamingCharacterAndPosition() {
        String[][] cases = {{"\u210Cans@example.com", "1", "U+210C", "H"}, {"o\uFB01ce@example.com", "2", "U+FB01", "fi"},
                {"room\u2460@example.com", "5", "U+2460", "1"}, {"x\u00B2@example.com", "2", "U+00B2", "2"},
                {"\u1E9Bx@example.com", "1", "U+1E9B", "\u1E61"}, {"a\u00A0b@example.com", "2", "U+00A0", " "}};
        for (String[] c : cases) {
            ObjectNode user = JsonNodeFactory.instance.objectNode().put("userName", c[0]);
            assertThatThrownBy(() -> IdentityText.check(user, Set.of())).as(c[0])
                    .isInstanceOfSatisfying(ScimException.class, e -> {
                        assertThat(e.problem()).isEqualTo(ScimProblem.IDENTITY_COMPATIBILITY_CHARACTER);
                        assertThat(e.args()).containsExactly("userName", c[1], c[2], c[3]);
                    });
            IdentityText.check(user, Set.of(c[0])); // stored before the rule: passes unchanged
        }
        assertThat(identity("ｂｏｂ@example.com")).as("fullwidth is mapped, not refused").contains("bob@example.com");
        assertThat(identity("ｶﾞｸ")).as("halfwidth is mapped, not refused").contains("ガク");
        assertThat(identity("e\uFFB7m")).as("halfwidth of a compatibility jamo is that jamo: refused").isEmpty();
        ObjectNode email = JsonNodeFactory.instance.objectNode().put("userName", "bob@example.com");
        email.putArray("emails").addObject().put("value", "o\uFB01ce@example.com");
        IdentityText.check(email, Set.of()); // an e-mail value is not a username: RFC 8265 does not rule it
    }

    /** Every ASCII character, controls and DEL included: the text {@link UserNameKey#of} takes a shortcut for. */
    private static final String ASCII = asciiAlphabet();

    private static String asciiAlphabet() {
        StringBuilder b = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            b.append(c);
        }
        return b.toString();
    }

    /**
     * The shortcut of {@link UserNameKey#of} for ASCII (its lower case, without ICU) rests on this: the whole mapping
     * (width, lower case, NFC) makes of ASCII text its lower case, controls and DEL included.
     */
    @Test
    void theWholeMappingMakesOfAsciiItsLowerCase() {
        Property.forAll(20000, r -> Gen.string(r, ASCII, 24),
                s -> assertThat(UserNameKey.mapped(s)).isEqualTo(s.toLowerCase(java.util.Locale.ROOT)));
        assertThat(UserNameKey.mapped(ASCII)).isEqualTo(ASCII.toLowerCase(java.util.Locale.ROOT));
        assertThat(UserNameKey.of("Bob@XN--BCHER-KVA.Example")).as("the domain is still made Unicode")
                .isEqualTo("bob@bücher.example");
    }

    /** {@link IdentityText} passes printable ASCII without asking ICU: no such character is refused for itself. */
    @Test
    void noPrintableAsciiCharacterIsRefusedOrACompatibilityCharacter() {
        for (int c = 0; c < 0x80; c++) {
            boolean printable = c >= 0x20 && c < 0x7F;
            assertThat(IdentityText.refused(c)).as("U+%04X refused", c).isEqualTo(!printable);
            assertThat(IdentityText.compatibilityForm(c)).as("U+%04X compatibility form", c).isNull();
        }
    }

    @Test
    void theKeyIsItsOwnKey() {
        Property.forAll(5000, UserNameKeyPropertiesTest::sample,
                s -> assertThat(UserNameKey.of(UserNameKey.of(s))).isEqualTo(UserNameKey.of(s)));
    }

    @Test
    void examplesFromTheIssue() {
        assertThat(UserNameKey.of("bob@ｅｘａｍｐｌｅ.com")).isEqualTo("bob@example.com");
        assertThat(UserNameKey.of("Bob@Example.COM")).isEqualTo("bob@example.com");
        assertThat(UserNameKey.of("jose\u0301")).isEqualTo(UserNameKey.of("jos\u00e9")).isEqualTo("jos\u00e9");
        assertThat(UserNameKey.of("ｶﾞｸ")).isEqualTo("ガク");
        assertThat(UserNameKey.of("bob@XN--BCHER-KVA.example")).as("an A-label is its domain's other spelling")
                .isEqualTo(UserNameKey.of("Bob@Bücher.example")).isEqualTo("bob@bücher.example");
        assertThat(UserNameKey.of("bob@xn--strae-oqa.com")).isEqualTo("bob@straße.com")
                .isNotEqualTo(UserNameKey.of("bob@strasse.com"));
        assertThat(UserNameKey.of("bob@xn--zz.example")).as("not a valid A-label: kept").isEqualTo("bob@xn--zz.example");
        assertThat(UserNameKey.of("xn--bcher-kva")).as("no address, no domain").isEqualTo("xn--bcher-kva");
        assertThat(UserNameKey.of("STRASSE")).as("RFC 8265 lower-cases; it does not fold ß")
                .isNotEqualTo(UserNameKey.of("straße"));
        for (String hidden : new String[] {"bob@exa\u200bmple.com", "bob@exam\u00adple.com", "b\u200bob@example.com"}) {
            assertThat(identity(hidden)).as(hidden).isEmpty();
        }
        ObjectNode user = JsonNodeFactory.instance.objectNode().put("userName", "b\u200bob@example.com");
        assertThatThrownBy(() -> IdentityText.check(user, Set.of()))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.args())
                        .containsExactly("userName", "2", "U+200B"));
        assertThat(identity("b\u200bob@example.com")).isEmpty();
        IdentityText.check(user, Set.of("b\u200bob@example.com")); // stored before the rule: passes unchanged
    }
}
