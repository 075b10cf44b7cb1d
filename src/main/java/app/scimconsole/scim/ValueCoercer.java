package app.scimconsole.scim;

import app.scimconsole.scim.AttributeDef.Mutability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Turns a client value into the stored form for one attribute definition: the Entra shapes are first
 * rewritten by {@link EntraDialect#value}, then the type is checked strictly. Keys of complex values get
 * their canonical spelling; unknown and read-only sub-attributes are dropped (as RFC 7644 §3.5.1 says for
 * PUT) and empty values vanish. Returns null when nothing is left to store. Containers are always new, so
 * the result never aliases the request.
 */
final class ValueCoercer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueCoercer() {
    }

    static JsonNode coerce(AttributeDef def, JsonNode raw) {
        return coerce(def, raw, def.name());
    }

    /** One element of a multi-valued attribute. */
    static JsonNode coerceElement(AttributeDef def, JsonNode raw) {
        return single(def, raw, def.name());
    }

    private static JsonNode coerce(AttributeDef def, JsonNode raw, String label) {
        JsonNode v = EntraDialect.value(def, raw);
        if (JsonFields.isEmpty(v)) {
            return null;
        }
        if (!def.multiValued()) {
            return single(def, v, label);
        }
        if (!v.isArray()) {
            throw new ScimException(ScimProblem.MUST_BE_LIST, label);
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode e : v) {
            JsonNode c = single(def, e, label);
            if (c != null) {
                out.add(c);
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static JsonNode single(AttributeDef def, JsonNode v, String label) {
        if (JsonFields.isEmpty(v)) {
            return null;
        }
        switch (def.type()) {
            case COMPLEX:
                return complex(def, v, label);
            case BOOLEAN:
                if (!v.isBoolean()) {
                    throw new ScimException(ScimProblem.MUST_BE_BOOLEAN, label);
                }
                return v;
            case INTEGER:
                if (!v.isIntegralNumber()) {
                    throw new ScimException(ScimProblem.MUST_BE_INTEGER, label);
                }
                return v;
            case DECIMAL:
                if (!v.isNumber()) {
                    throw new ScimException(ScimProblem.MUST_BE_NUMBER, label);
                }
                return v;
            default:
                if (!v.isTextual()) {
                    throw new ScimException(ScimProblem.MUST_BE_STRING, label);
                }
                return v;
        }
    }

    private static JsonNode complex(AttributeDef def, JsonNode v, String label) {
        if (!v.isObject()) {
            throw new ScimException(ScimProblem.MUST_BE_OBJECT, label);
        }
        ObjectNode out = NODES.objectNode();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            AttributeDef sub = def.sub(e.getKey());
            if (sub == null || sub.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            JsonNode c = coerce(sub, e.getValue(), label + "." + sub.name());
            if (c != null) {
                out.set(sub.name(), c);
            }
        }
        return out.isEmpty() ? null : out;
    }
}
