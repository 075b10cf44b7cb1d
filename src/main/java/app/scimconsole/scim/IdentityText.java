package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The characters an identity may not contain: a user's userName and e-mail addresses are what people sign in with
 * and what uniqueness is judged on, so an invisible character (a zero-width space, a soft hyphen: Unicode's
 * default-ignorable code points) or a control character in one would make two users look like one person. Such a
 * value is refused, naming the character and its position, rather than silently cleaned.
 *
 * <p>A userName also may not hold a compatibility character ("ℌ", the "ﬁ" ligature, "①", a superscript "²"): RFC 8265
 * builds usernames on the PRECIS IdentifierClass, which disallows them (RFC 8264 §9.17, HasCompat) because each looks
 * like, or stands for, other ordinary characters. Fullwidth and halfwidth forms are the exception the profile makes
 * by mapping them first ({@link UserNameKey}), so they stay allowed.
 */
public final class IdentityText {
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private IdentityText() {
    }

    /**
     * Throws 400 {@code invalidValue} at the first such character in {@code user}'s userName or e-mail values.
     * {@code kept}: values stored before this rule, which pass until they change (may be empty).
     */
    public static void check(ObjectNode user, Set<String> kept) {
        checkValue("userName", user.path("userName"), kept, true);
        for (JsonNode email : user.path("emails")) {
            checkValue("emails.value", email.path("value"), kept, false);
        }
    }

    /** The identity values of {@code user} as this rule reads them: its userName and each e-mail value. */
    public static Set<String> values(ObjectNode user) {
        Set<String> values = new HashSet<>();
        if (user.path("userName").isTextual()) {
            values.add(user.path("userName").textValue());
        }
        for (JsonNode email : user.path("emails")) {
            if (email.path("value").isTextual()) {
                values.add(email.path("value").textValue());
            }
        }
        return values;
    }

    private static void checkValue(String attribute, JsonNode value, Set<String> kept, boolean userName) {
        if (!value.isTextual() || kept.contains(value.textValue())) {
            return;
        }
        String text = value.textValue();
        int position = 1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), position++) {
            int c = text.codePointAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII: neither invisible, nor control, nor compatibility (see the test)
            }
            if (refused(c)) {
                throw new ScimException(ScimProblem.IDENTITY_CHARACTER, attribute, position, codePoint(c));
            }
            String compatible = userName ? compatibilityForm(c) : null;
            if (compatible != null) {
                throw new ScimException(ScimProblem.IDENTITY_COMPATIBILITY_CHARACTER, attribute, position,
                        codePoint(c), compatible);
            }
        }
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /**
     * What {@code c} stands for when it is a compatibility character (its NFKC form differs from its NFC form: so
     * "ẛ", whose canonical decomposition holds the compatibility "ſ", is one too), else null. A fullwidth or
     * halfwidth form is judged by the character width mapping makes of it, as RFC 8265 checks the mapped string:
     * "Ａ" is "A" and passes, but halfwidth "ﾷ" is the compatibility jamo "ㅇ" and is refused as "ㅇ" would be.
     */
    static String compatibilityForm(int c) {
        String one = new String(Character.toChars(c));
        int type = UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE);
        boolean widthForm = type == UCharacter.DecompositionType.WIDE || type == UCharacter.DecompositionType.NARROW;
        String mapped = widthForm ? NFKC.getRawDecomposition(c) : one;
        return NFKC.normalize(mapped).equals(NFC.normalize(mapped)) ? null : NFKC.normalize(one);
    }

    /** Default-ignorable, control (Cc), line and paragraph separators, and surrogates without their pair. */
    static boolean refused(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }
}
