package app.scimconsole.scim;

import app.scimconsole.scim.PatchOperation.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the shape of a PATCH body and reads its operations. RFC 7644 §3.5.2 requires the PatchOp schema and one
 * or more operations, and every body Entra is documented to send has both, so both are required. Lenient where
 * Entra is sloppy: member names ({@code Operations}, {@code op}, {@code path}, {@code value}) are matched in any
 * case. Shape errors are {@code invalidSyntax}.
 */
final class PatchRequestReader {
    static final int MAX_OPERATIONS = 1000;

    private PatchRequestReader() {
    }

    static List<PatchOperation> read(ResourceType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ScimException(ScimProblem.PATCH_WITHOUT_OPERATIONS);
        }
        if (!SchemasMember.names(JsonFields.field(body, "schemas"), Schemas.PATCH_OP_URN)) {
            throw new ScimException(ScimProblem.PATCH_WITHOUT_PATCH_OP_SCHEMA, Schemas.PATCH_OP_URN);
        }
        JsonNode ops = JsonFields.field(body, "Operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw new ScimException(ScimProblem.PATCH_WITHOUT_OPERATIONS);
        }
        if (ops.size() > MAX_OPERATIONS) {
            throw new ScimException(ScimProblem.TOO_MANY_OPERATIONS, MAX_OPERATIONS, ops.size());
        }
        List<PatchOperation> out = new ArrayList<>(ops.size());
        for (JsonNode op : ops) {
            out.add(operation(type, op));
        }
        return out;
    }

    private static PatchOperation operation(ResourceType type, JsonNode op) {
        if (!op.isObject()) {
            throw new ScimException(ScimProblem.OPERATION_NOT_AN_OBJECT, op.getNodeType());
        }
        Kind kind = EntraDialect.opKind(JsonFields.field(op, "op"));
        JsonNode pathNode = JsonFields.field(op, "path");
        PatchPath path = null;
        if (pathNode != null && !pathNode.isNull()) {
            if (!pathNode.isTextual()) {
                throw new ScimException(ScimProblem.OPERATION_PATH_NOT_A_STRING);
            }
            ResourceSchema whole = DocumentEditor.schemaNamed(type, pathNode.textValue().trim());
            if (whole != null) {
                return wholeSchema(type, kind, whole, JsonFields.field(op, "value"));
            }
            if (!pathNode.textValue().isBlank()) {
                path = PathTargets.parse(pathNode.textValue());
            }
        }
        JsonNode value = JsonFields.field(op, "value");
        if (path == null && kind == Kind.REMOVE) {
            throw new ScimException(ScimProblem.REMOVE_WITHOUT_PATH);
        }
        if (path == null && (value == null || !value.isObject())) {
            throw new ScimException(ScimProblem.VALUE_NOT_AN_OBJECT, kind.wire());
        }
        return new PatchOperation(kind, path, value);
    }

    /**
     * A path that is a whole schema URN ({@code urn:...:enterprise:2.0:User}) addresses the object under it, which
     * the RFC grammar cannot express (it would read {@code User} as an attribute of {@code urn:...:2.0}). Add and
     * replace merge the value's attributes into it, exactly as a path-less operation whose value is keyed by the URN;
     * remove clears the extension, as replacing it with null does. The core schema's object is the resource itself,
     * which cannot be removed.
     */
    private static PatchOperation wholeSchema(ResourceType type, Kind kind, ResourceSchema schema, JsonNode value) {
        ObjectNode keyed = JsonNodeFactory.instance.objectNode();
        if (kind == Kind.REMOVE) {
            if (schema == type.core()) {
                throw new ScimException(ScimProblem.CORE_SCHEMA_NOT_REMOVABLE, schema.id());
            }
            keyed.putNull(schema.id());
            return new PatchOperation(Kind.REPLACE, null, keyed);
        }
        keyed.set(schema.id(), value == null ? NullNode.getInstance() : value);
        return new PatchOperation(kind, null, keyed);
    }
}
