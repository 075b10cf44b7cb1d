package app.scimconsole.scim;

import app.scimconsole.scim.AttributeDef.Type;
import app.scimconsole.scim.Filter.Compare;
import app.scimconsole.scim.Filter.CompareOp;
import app.scimconsole.scim.Filter.Literal;
import app.scimconsole.scim.PatchOperation.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes Microsoft Entra ID sends that RFC 7643/7644 do not define, rewritten into RFC shapes
 * (research/entra-scim.md A4, A5, C6). Every rule is a pure function. The op-level rule
 * ({@link #rewrite}) runs as a pre-pass over each PATCH operation; the value rules ({@link #value}) run
 * where a value meets its attribute definition, which covers path-less PATCH values and POST/PUT bodies
 * with the same code. Past these rules the type checks are strict.
 *
 * <p>Two tolerances are not value rewrites but depend on the document, so {@link DocumentEditor} owns
 * them: a filtered add/replace that matches nothing creates the element, and a filtered remove that
 * matches nothing is a no-op.
 */
public final class EntraDialect {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EntraDialect() {
    }

    /** {@code op} in any case: Entra sends {@code Add}, {@code Replace}, {@code Remove}. */
    public static Kind opKind(JsonNode op) {
        if (op != null && op.isTextual()) {
            for (Kind k : Kind.values()) {
                if (k.wire().equalsIgnoreCase(op.textValue())) {
                    return k;
                }
            }
        }
        throw op == null ? new ScimException(ScimProblem.OPERATION_WITHOUT_OP)
                : new ScimException(ScimProblem.UNKNOWN_OPERATION, op.toString());
    }

    /** All value rules that apply to {@code def}, in order. Unrelated values pass through unchanged. */
    public static JsonNode value(AttributeDef def, JsonNode v) {
        if (v == null) {
            return null;
        }
        if (def.multiValued()) {
            return singleAsList(v);
        }
        if (def.isComplex()) {
            return referenceAsObject(def, v);
        }
        if (def.type() == Type.BOOLEAN) {
            return booleanFromString(v);
        }
        // No number-to-string rule: every body Entra is documented to send carries strings for string attributes
        // (research/entra-scim.md A4, A5, B), so a number there is refused (invalidValue), never converted.
        return v;
    }

    /** {@code "True"}/{@code "False"} in any case, as the portal's Switch() expressions produce. */
    public static JsonNode booleanFromString(JsonNode v) {
        if (v.isTextual()) {
            if (v.textValue().equalsIgnoreCase("true")) {
                return BooleanNode.TRUE;
            }
            if (v.textValue().equalsIgnoreCase("false")) {
                return BooleanNode.FALSE;
            }
        }
        return v;
    }

    /**
     * The enterprise {@code manager} arrives as a plain id, a {@code {"value": id, "$ref": url}} object or
     * a one-element array of either; all become {@code {"value": id}}. Entra's {@code $ref} points at its
     * own idea of our URL, and Entra fails to read anything but the RFC object back.
     */
    public static JsonNode referenceAsObject(AttributeDef def, JsonNode v) {
        JsonNode one = v.isArray() && v.size() == 1 ? v.get(0) : v;
        if (def.sub("value") == null) {
            return one;
        }
        JsonNode id = one.isTextual() ? one : JsonFields.field(one, "value");
        if (id == null) {
            return one;
        }
        ObjectNode o = NODES.objectNode();
        o.set("value", id);
        return o;
    }

    /** One element given where a list belongs ({@code "members": {"value": id}}) is a list of one. */
    public static JsonNode singleAsList(JsonNode v) {
        if (v.isObject()) {
            ArrayNode a = NODES.arrayNode();
            a.add(v);
            return a;
        }
        return v;
    }

    /**
     * Op-level rewrites. Today one rule: {@code remove} of a multi-valued attribute with a value list
     * ({@code {"op":"Remove","path":"members","value":[{"value":"u1"}]}}) removes only the listed values,
     * so it becomes {@code members[value eq "u1" or ...]}; an empty list removes nothing. Without this,
     * RFC semantics would remove every member.
     */
    public static List<PatchOperation> rewrite(ResourceType type, PatchOperation op) {
        if (op.kind() != Kind.REMOVE || op.path() == null || op.path().hasFilter() || op.path().attr().sub() != null
                || JsonFields.isClear(op.value())) {
            return List.of(op);
        }
        AttributeTarget target = AttributeTarget.of(type, op.path());
        if (!target.attribute().multiValued()) {
            return List.of(op);
        }
        JsonNode values = singleAsList(op.value());
        if (!values.isArray()) {
            throw new ScimException(ScimProblem.REMOVE_VALUES_NOT_A_LIST, target.label());
        }
        List<Filter> selections = new ArrayList<>();
        for (JsonNode element : values) {
            JsonNode id = JsonFields.field(element, "value");
            if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
                throw new ScimException(ScimProblem.REMOVED_VALUE_WITHOUT_VALUE, target.label());
            }
            selections.add(new Compare(AttrPath.of("value"), CompareOp.EQ, new Literal.Str(id.textValue())));
        }
        if (selections.isEmpty()) {
            return List.of();
        }
        Filter selection = anyOf(selections, 0, selections.size());
        return List.of(new PatchOperation(Kind.REMOVE, new PatchPath(op.path().attr(), selection, null), null));
    }

    /** A balanced {@code or}, so a remove of thousands of members nests only logarithmically deep. */
    private static Filter anyOf(List<Filter> filters, int from, int to) {
        if (to - from == 1) {
            return filters.get(from);
        }
        int mid = (from + to) >>> 1;
        return new Filter.Or(anyOf(filters, from, mid), anyOf(filters, mid, to));
    }
}
