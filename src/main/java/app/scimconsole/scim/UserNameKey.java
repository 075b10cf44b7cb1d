package app.scimconsole.scim;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;

/**
 * The form in which userNames are compared and kept unique: the mapping rules of RFC 8265's UsernameCaseMapped
 * profile (§3.3.2, applied in its order): fullwidth and halfwidth characters to their ordinary forms, then
 * upper case to lower case (Unicode toLowerCase, which RFC 8265 chose over case folding: "ß" stays "ß", as in
 * IDNA2008 domain names), then NFC. So "ＢＯＢ@example.com", "bob@EXAMPLE.com" and the decomposed and precomposed
 * spellings of "josé" each name one user. What the client sent is kept as it is for display.
 *
 * <p>Invisible and control characters are not mapped away (that would let two different-looking strings name
 * one user, or one user hide behind another): {@link IdentityText} refuses them.
 */
public final class UserNameKey {
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private UserNameKey() {
    }

    public static String of(String userName) {
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
}
