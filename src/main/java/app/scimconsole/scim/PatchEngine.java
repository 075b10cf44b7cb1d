package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Applies a SCIM PATCH request (RFC 7644 §3.5.2) to a stored document, with Microsoft Entra ID's
 * dialect accepted ({@link EntraDialect}). Atomic: it works on a deep copy, so a failing operation throws
 * a {@link ScimException} (status 400) and the caller's document is never touched.
 *
 * <p>{@code current} must be in stored form (as {@link ResourceNormalizer} or an earlier patch produced
 * it). For groups, member operations never touch the document; they come back as member changes.
 */
public final class PatchEngine {

    public PatchResult apply(ResourceType type, ObjectNode current, JsonNode patchRequestBody) {
        List<PatchOperation> operations = PatchRequestReader.read(type, patchRequestBody);
        ObjectNode next = current.deepCopy();
        DocumentEditor editor = new DocumentEditor(type, next);
        for (PatchOperation op : operations) {
            for (PatchOperation rewritten : EntraDialect.rewrite(type, op)) {
                editor.apply(rewritten);
            }
        }
        editor.finish();
        boolean changed = !next.equals(current) || !editor.memberChanges().isEmpty();
        return new PatchResult(next, changed, editor.memberChanges());
    }
}
