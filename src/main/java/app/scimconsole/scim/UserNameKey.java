package app.scimconsole.scim;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.Locale;

/**
 * The form in which userNames are compared and kept unique: the mapping rules of RFC 8265's UsernameCaseMapped
 * profile (§3.3.2, applied in its order): fullwidth and halfwidth characters to their ordinary forms, then
 * upper case to lower case (Unicode toLowerCase, which RFC 8265 chose over case folding: "ß" stays "ß", as in
 * IDNA2008 domain names), then NFC. So "ＢＯＢ@example.com", "bob@EXAMPLE.com" and the decomposed and precomposed
 * spellings of "josé" each name one user. The domain of an address is compared in its Unicode form, so
 * "bob@xn--bcher-kva.example" (the ASCII spelling DNS uses) and "bob@bücher.example" are one user too. What the
 * client sent is kept as it is for display.
 *
 * <p>Invisible and control characters are not mapped away (that would let two different-looking strings name
 * one user, or one user hide behind another): {@link IdentityText} refuses them.
 */
public final class UserNameKey {
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    /** The same processing as domain names get everywhere else (IDNA2008, UTS #46 non-transitional). */
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.USE_STD3_RULES);

    private UserNameKey() {
    }

    public static String of(String userName) {
        // Nearly every userName is ASCII, which width mapping and NFC leave as it is and whose lower case is
        // ASCII's: the same key without ICU's passes over it (measured: a create's request thread, issue 21).
        return withUnicodeDomain(isAscii(userName) ? userName.toLowerCase(Locale.ROOT) : mapped(userName));
    }

    /** The profile's mapping of any text, ASCII or not (the ASCII shortcut of {@link #of} must agree with it). */
    static String mapped(String userName) {
        StringBuilder widthMapped = new StringBuilder(userName.length());
        userName.codePoints().forEach(c -> {
            int type = UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE);
            if (type == UCharacter.DecompositionType.WIDE || type == UCharacter.DecompositionType.NARROW) {
                widthMapped.append(NFKC.getRawDecomposition(c));
            } else {
                widthMapped.appendCodePoint(c);
            }
        });
        return NFC.normalize(UCharacter.toLowerCase(ULocale.ROOT, widthMapped.toString()));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * An address whose domain has an ASCII-encoded label ("xn--…") with that domain in Unicode; anything else (no
     * single "@", a domain IDNA refuses) as it is, since only a valid A-label has a Unicode twin to be confused with.
     */
    private static String withUnicodeDomain(String key) {
        int at = key.indexOf('@');
        if (at < 0 || at != key.lastIndexOf('@') || !key.startsWith("xn--", at + 1) && !key.contains(".xn--")) {
            return key;
        }
        IDNA.Info info = new IDNA.Info();
        StringBuilder unicode = new StringBuilder();
        UTS46.nameToUnicode(key.substring(at + 1), unicode, info);
        return info.hasErrors() ? key : key.substring(0, at + 1) + unicode;
    }
}
