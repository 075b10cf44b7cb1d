package app.scimconsole.directory;

import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.Schemas;
import app.scimconsole.scim.UserNameKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns a resource row carries besides its document: values copied out of the document (by the
 * schema's own attribute names) so that lookups, uniqueness and sorting can use indexes. The document
 * stays the truth; these are recomputed on every write.
 */
record DerivedColumns(List<String> names, List<Object> values, String uniqueAttribute, String uniqueValue) {

    static DerivedColumns of(ResourceType type, ObjectNode doc) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        String uniqueAttribute = type == ResourceType.USER ? "userName" : "displayName";
        String unique = text(doc, uniqueAttribute);
        if (unique == null || unique.isBlank()) {
            // The protocol layer refuses such a document before it gets here.
            throw new IllegalArgumentException(uniqueAttribute + " is required");
        }
        String displayName = text(doc, "displayName");
        if (type == ResourceType.USER) {
            add(names, values, "user_name", unique);
            add(names, values, "user_name_lc", lower(unique));
            add(names, values, "user_name_key", UserNameKey.of(unique));
            add(names, values, "display_name", displayName);
            add(names, values, "display_name_lc", lower(displayName));
            add(names, values, "active", active(doc));
            add(names, values, "manager_id", managerId(doc));
        } else {
            add(names, values, "display_name", unique);
            add(names, values, "display_name_lc", lower(unique));
        }
        add(names, values, "external_id", text(doc, "externalId"));
        return new DerivedColumns(List.copyOf(names), values, uniqueAttribute, unique);
    }

    /** A row that collides with another on the unique name (a user's {@link UserNameKey}, a group's lower case). */
    StorageOutcome uniquenessViolation() {
        return new StorageOutcome(StorageOutcome.Kind.DUPLICATE, uniqueAttribute, uniqueValue);
    }

    private static void add(List<String> names, List<Object> values, String name, Object value) {
        names.add(name);
        values.add(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Absent means active (RFC 7643 leaves it to the provider; Entra sends false to disable). */
    private static boolean active(ObjectNode doc) {
        JsonNode v = doc.get("active");
        if (v != null && v.isBoolean()) {
            return v.booleanValue();
        }
        return v == null || !v.isTextual() || !v.textValue().equalsIgnoreCase("false");
    }

    /** {@code manager.value} of the enterprise extension; a bare string manager is taken as the id. */
    private static String managerId(ObjectNode doc) {
        JsonNode manager = doc.path(Schemas.ENTERPRISE_URN).path("manager");
        if (manager.isTextual()) {
            return manager.textValue();
        }
        return text(manager, "value");
    }
}
