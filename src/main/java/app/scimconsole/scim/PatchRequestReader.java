package app.scimconsole.scim;

import app.scimconsole.scim.PatchOperation.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the shape of a PATCH body and reads its operations. Lenient where Entra is sloppy: the
 * {@code schemas} member is not required, and member names ({@code Operations}, {@code op}, {@code path},
 * {@code value}) are matched in any case. Shape errors are {@code invalidSyntax}.
 */
final class PatchRequestReader {
    static final int MAX_OPERATIONS = 1000;

    private PatchRequestReader() {
    }

    static List<PatchOperation> read(JsonNode body) {
        JsonNode ops = JsonFields.field(body, "Operations");
        if (ops == null || !ops.isArray()) {
            throw new ScimException(ScimProblem.PATCH_WITHOUT_OPERATIONS);
        }
        if (ops.size() > MAX_OPERATIONS) {
            throw new ScimException(ScimProblem.TOO_MANY_OPERATIONS, MAX_OPERATIONS, ops.size());
        }
        List<PatchOperation> out = new ArrayList<>(ops.size());
        for (JsonNode op : ops) {
            out.add(operation(op));
        }
        return out;
    }

    private static PatchOperation operation(JsonNode op) {
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
            if (!pathNode.textValue().isBlank()) {
                path = FilterParser.parsePatchPath(pathNode.textValue());
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
}
