package app.scimconsole.scim;

import app.scimconsole.scim.AttributeDef.Type;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every stored document obeys, whether it came from a POST/PUT or a PATCH: no empty values,
 * no list element without its {@code value}, a {@code schemas} list naming exactly the schemas that hold
 * data, required attributes present and at most one primary value per list.
 */
final class StoredForm {

    private StoredForm() {
    }

    static void tidy(ResourceType type, ObjectNode doc) {
        for (ResourceSchema schema : schemasOf(type)) {
            JsonNode holder = schema == type.core() ? doc : doc.get(schema.id());
            if (holder instanceof ObjectNode container) {
                for (AttributeDef def : schema.attributes()) {
                    prune(container, def);
                }
                if (holder != doc && holder.isEmpty()) {
                    doc.remove(schema.id());
                }
            }
        }
        ArrayNode schemas = doc.arrayNode();
        schemas.add(type.core().id());
        for (ResourceSchema ext : type.extensions()) {
            if (doc.has(ext.id())) {
                schemas.add(ext.id());
            }
        }
        doc.set("schemas", schemas);
    }

    /** A list element that lost its {@code value} (an email without an address) means nothing; drop it. */
    private static void prune(ObjectNode container, AttributeDef def) {
        JsonNode v = container.get(def.name());
        if (v instanceof ArrayNode list) {
            boolean needsValue = def.isComplex() && def.sub("value") != null;
            for (int i = list.size() - 1; i >= 0; i--) {
                JsonNode e = list.get(i);
                if (JsonFields.isEmpty(e) || (needsValue && JsonFields.isEmpty(e.get("value")))) {
                    list.remove(i);
                }
            }
        }
        if (JsonFields.isEmpty(v)) {
            container.remove(def.name());
        }
    }

    static void validate(ResourceType type, ObjectNode doc) {
        for (AttributeDef def : type.core().attributes()) {
            JsonNode v = doc.get(def.name());
            if (def.required() && (v == null || !v.isTextual() || v.textValue().isBlank())) {
                throw new ScimException(ScimProblem.REQUIRED_ATTRIBUTE, def.name());
            }
        }
        for (ResourceSchema schema : schemasOf(type)) {
            JsonNode holder = schema == type.core() ? doc : doc.get(schema.id());
            for (AttributeDef def : schema.attributes()) {
                AttributeDef primary = def.sub("primary");
                if (holder != null && def.multiValued() && primary != null && primary.type() == Type.BOOLEAN) {
                    requireOnePrimaryAtMost(def, holder.get(def.name()));
                }
            }
        }
    }

    private static void requireOnePrimaryAtMost(AttributeDef def, JsonNode list) {
        int count = 0;
        if (list != null) {
            for (JsonNode e : list) {
                if (isPrimary(e)) {
                    count++;
                }
            }
        }
        if (count > 1) {
            throw new ScimException(ScimProblem.PRIMARY_NOT_UNIQUE, def.name(), count);
        }
    }

    static boolean isPrimary(JsonNode element) {
        JsonNode p = element.get("primary");
        return p != null && p.isBoolean() && p.booleanValue();
    }

    private static List<ResourceSchema> schemasOf(ResourceType type) {
        List<ResourceSchema> all = new ArrayList<>();
        all.add(type.core());
        all.addAll(type.extensions());
        return all;
    }
}
