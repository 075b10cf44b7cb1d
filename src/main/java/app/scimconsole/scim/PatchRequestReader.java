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
            throw ScimException.invalidSyntax("A PATCH body must be a JSON object with an 'Operations' array.");
        }
        if (ops.size() > MAX_OPERATIONS) {
            throw ScimException.invalidSyntax("A PATCH may carry at most " + MAX_OPERATIONS + " operations; this one has "
                    + ops.size() + ".");
        }
        List<PatchOperation> out = new ArrayList<>(ops.size());
        for (JsonNode op : ops) {
            out.add(operation(op));
        }
        return out;
    }

    private static PatchOperation operation(JsonNode op) {
        if (!op.isObject()) {
            throw ScimException.invalidSyntax("Each operation must be a JSON object; got " + op.getNodeType() + ".");
        }
        Kind kind = EntraDialect.opKind(JsonFields.field(op, "op"));
        JsonNode pathNode = JsonFields.field(op, "path");
        PatchPath path = null;
        if (pathNode != null && !pathNode.isNull()) {
            if (!pathNode.isTextual()) {
                throw ScimException.invalidSyntax("An operation's 'path' must be a string.");
            }
            if (!pathNode.textValue().isBlank()) {
                path = FilterParser.parsePatchPath(pathNode.textValue());
            }
        }
        JsonNode value = JsonFields.field(op, "value");
        if (path == null && kind == Kind.REMOVE) {
            throw ScimException.noTarget("A remove operation needs a 'path'.");
        }
        if (path == null && (value == null || !value.isObject())) {
            throw ScimException.invalidSyntax("An " + kind.wire() + " without a 'path' needs an object 'value'.");
        }
        return new PatchOperation(kind, path, value);
    }
}
