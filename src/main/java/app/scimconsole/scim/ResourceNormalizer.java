package app.scimconsole.scim;

import app.scimconsole.scim.AttributeDef.Mutability;
import app.scimconsole.scim.PatchOperation.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a POST/PUT body into the stored document. The body is read like a path-less replace on an empty
 * resource -- so creates and patches share one set of rules -- after checking its {@code schemas} and dropping
 * what a client may send but does not own: {@code id}, {@code meta}, {@code schemas}, read-only attributes, and
 * attributes or schema URNs this service does not know (Entra sends its own ADSCIM Group URN and a malformed
 * enterprise one).
 * Top-level extension names (Entra's old sample sends {@code department}, {@code manager}) land in their
 * extension. Group members are returned apart, because they are stored apart.
 */
public final class ResourceNormalizer {
    private static final Set<String> SERVER_OWNED = Set.of("id", "meta", "schemas");

    public record Normalized(ObjectNode doc, List<String> memberIds) {
        public Normalized {
            memberIds = List.copyOf(memberIds);
        }
    }

    public Normalized normalize(ResourceType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ScimException(ScimProblem.BODY_NOT_AN_OBJECT);
        }
        requireSchemasOf(type, JsonFields.field(body, "schemas"));
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.putArray("schemas"); // first, for readability of the stored JSON; filled by finish()
        DocumentEditor editor = new DocumentEditor(type, doc);
        editor.apply(new PatchOperation(Kind.REPLACE, null, ownedByClient(type, body, null)));
        if (type == ResourceType.USER && !doc.has("active")) {
            doc.put("active", true); // Entra treats a user it creates as enabled unless it says otherwise
        }
        editor.finish();
        Set<String> memberIds = new LinkedHashSet<>();
        for (MemberChange change : editor.memberChanges()) {
            if (change.kind() == MemberChange.Kind.ADD) {
                memberIds.addAll(change.ids());
            }
        }
        return new Normalized(doc, List.copyOf(memberIds));
    }

    /**
     * RFC 7643 §3: a resource names its schemas. The list must name this type's core schema (every body Entra
     * sends does) and no other type's, so a group sent to /Users is refused instead of read as a user. Other URNs
     * are tolerated: Entra adds its own ADSCIM Group URN and, in an old sample, a malformed enterprise one.
     */
    private static void requireSchemasOf(ResourceType type, JsonNode schemas) {
        if (!SchemasMember.names(schemas, type.core().id())) {
            throw new ScimException(ScimProblem.RESOURCE_WITHOUT_SCHEMA, type.core().id());
        }
        for (ResourceType other : ResourceType.values()) {
            if (other != type && SchemasMember.names(schemas, other.core().id())) {
                throw new ScimException(ScimProblem.RESOURCE_OF_ANOTHER_TYPE, other.core().id(), other.resourceName(),
                        type.endpoint());
            }
        }
    }

    /** The members of {@code body} a client may set; {@code within} is the schema whose object is read. */
    private static ObjectNode ownedByClient(ResourceType type, JsonNode body, ResourceSchema within) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String key = e.getKey();
            if (within == null) {
                if (serverOwned(key)) {
                    continue;
                }
                ResourceSchema schema = DocumentEditor.schemaNamed(type, key);
                if (schema != null) {
                    out.set(key, e.getValue().isObject() ? ownedByClient(type, e.getValue(), schema) : e.getValue());
                    continue;
                }
            }
            if (isWritable(type, within == null ? key : within.id() + ":" + key)) {
                out.set(key, e.getValue());
            }
        }
        return out;
    }

    /** Whether {@code key} names a member the server sets ({@link #SERVER_OWNED}), in any case. */
    private static boolean serverOwned(String key) {
        // a loop, not a stream: asked of every member of every body (issue 21, a create's request thread)
        for (String owned : SERVER_OWNED) {
            if (owned.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    /** {@code path}: a member name, which names an attribute only as a plain attribute path (no value filter). */
    private static boolean isWritable(ResourceType type, String path) {
        AttributeTarget target;
        try {
            // The PATCH path grammar read without a filter is the attribute path grammar.
            target = PathTargets.of(type, path);
        } catch (ScimException unknown) {
            return false; // unknown attributes and schemas are tolerated by being dropped
        }
        return target.filter() == null && target.attribute().mutability() != Mutability.READ_ONLY
                && (target.sub() == null || target.sub().mutability() != Mutability.READ_ONLY);
    }
}
