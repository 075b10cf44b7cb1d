package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The characters an identity may not contain: a user's userName and e-mail addresses are what people sign in with
 * and what uniqueness is judged on, so an invisible character (a zero-width space, a soft hyphen: Unicode's
 * default-ignorable code points) or a control character in one would make two users look like one person. Such a
 * value is refused, naming the character and its position, rather than silently cleaned.
 */
public final class IdentityText {
    private IdentityText() {
    }

    /**
     * Throws 400 {@code invalidValue} at the first such character in {@code user}'s userName or e-mail values.
     * {@code kept}: values stored before this rule, which pass until they change (may be empty).
     */
    public static void check(ObjectNode user, Set<String> kept) {
        checkValue("userName", user.path("userName"), kept);
        for (JsonNode email : user.path("emails")) {
            checkValue("emails.value", email.path("value"), kept);
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

    private static void checkValue(String attribute, JsonNode value, Set<String> kept) {
        if (!value.isTextual() || kept.contains(value.textValue())) {
            return;
        }
        String text = value.textValue();
        int position = 1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i)), position++) {
            int c = text.codePointAt(i);
            if (refused(c)) {
                throw new ScimException(ScimProblem.IDENTITY_CHARACTER, attribute, position,
                        String.format(Locale.ROOT, "U+%04X", c));
            }
        }
    }

    /** Default-ignorable, control (Cc), line and paragraph separators, and surrogates without their pair. */
    private static boolean refused(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }
}
