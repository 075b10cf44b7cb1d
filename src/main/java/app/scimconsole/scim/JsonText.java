package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The text rules of a JSON body, checked once on the parsed tree because the parser does not: I-JSON (RFC 7493
 * §2.1) allows no surrogate without its pair and no noncharacter in member names or string values, so such a body
 * is invalid syntax; a NUL is valid JSON but no value of this service can hold one (see {@link StorableText}), so
 * it is an invalid value. Each refusal names where, as a JSON Pointer (RFC 6901).
 */
public final class JsonText {
    private JsonText() {
    }

    /** Throws 400 {@code invalidSyntax} or {@code invalidValue} at the first such text; walks the whole tree. */
    public static void check(JsonNode node) {
        check(node, null);
    }

    /**
     * {@code at}: where {@code node} is, as the member names and indexes from the root (null at the root), made
     * into a JSON Pointer only when something is refused: a body that passes (nearly all) builds no pointer text.
     */
    private static void check(JsonNode node, Step at) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            checkText(node.textValue(), at);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), new Step(at, null, i));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Step member = new Step(at, e.getKey(), 0);
                checkText(e.getKey(), member);
                check(e.getValue(), member);
            }
        }
    }

    /** One step of a path below the root: a member's name, or (name null) an array's index. */
    private record Step(Step parent, String name, int index) {
        String pointer() {
            String here = "/" + (name == null ? Integer.toString(index) : escape(name));
            return parent == null ? here : parent.pointer() + here;
        }
    }

    private static void checkText(String text, Step at) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0xD800) {
                if (c == '\0') {
                    refuseNul(text, at);
                }
                continue; // nearly every character: no surrogate, no noncharacter (those start at U+D800)
            }
            int cp = text.codePointAt(i);
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE || isNoncharacter(cp)) {
                throw new ScimException(ScimProblem.BODY_INVALID_UNICODE, StorableText.printable(pointer(at)));
            }
            i += Character.charCount(cp) - 1;
        }
    }

    /**
     * A NUL: refused as an invalid value, unless a broken surrogate or a noncharacter follows it in the same text,
     * which makes the whole text invalid syntax (that refusal comes first, as it always has).
     */
    private static void refuseNul(String text, Step at) {
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE
                || isNoncharacter(c))) {
            throw new ScimException(ScimProblem.BODY_INVALID_UNICODE, StorableText.printable(pointer(at)));
        }
        throw new ScimException(ScimProblem.VALUE_CONTAINS_NUL, StorableText.printable(pointer(at)));
    }

    private static String pointer(Step at) {
        return at == null ? "" : at.pointer();
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (Unicode §23.7). */
    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
