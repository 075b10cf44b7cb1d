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
        check(node, "");
    }

    private static void check(JsonNode node, String pointer) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            checkText(node.textValue(), pointer);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), pointer + "/" + i);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String at = pointer + "/" + escape(e.getKey());
                checkText(e.getKey(), at);
                check(e.getValue(), at);
            }
        }
    }

    private static void checkText(String text, String pointer) {
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE
                || isNoncharacter(c))) {
            throw new ScimException(ScimProblem.BODY_INVALID_UNICODE, StorableText.printable(pointer));
        }
        if (text.indexOf('\0') >= 0) {
            throw new ScimException(ScimProblem.VALUE_CONTAINS_NUL, StorableText.printable(pointer));
        }
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (Unicode §23.7). */
    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
