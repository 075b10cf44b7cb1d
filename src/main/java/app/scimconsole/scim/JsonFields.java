package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Small read helpers over Jackson trees that SCIM's case-insensitive keys need. */
final class JsonFields {

    private JsonFields() {
    }

    /** The member of {@code obj} whose key equals {@code name} in any case; null when absent or not an object. */
    static JsonNode field(JsonNode obj, String name) {
        if (obj == null || !obj.isObject()) {
            return null;
        }
        JsonNode exact = obj.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> e : obj.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** RFC 7643 §2.5 plus Entra's habit: absent, JSON null and {@code ""} all mean "no value". */
    static boolean isClear(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.textValue().isEmpty());
    }

    /** Clear, or an empty array or object: nothing worth storing. */
    static boolean isEmpty(JsonNode v) {
        return isClear(v) || (v.isContainerNode() && v.isEmpty());
    }
}
