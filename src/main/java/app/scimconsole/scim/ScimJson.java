package app.scimconsole.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The few JSON shapes every SCIM message shares, built on one node factory. */
final class ScimJson {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimJson() {
    }

    /** A new object that starts with {@code "schemas": [urn]}, as every SCIM message does. */
    static ObjectNode message(String schemaUrn) {
        ObjectNode o = NODES.objectNode();
        o.set("schemas", strings(schemaUrn));
        return o;
    }

    static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    static ArrayNode strings(String... values) {
        return strings(List.of(values));
    }

    /** {@code meta} of a resource that is a document of the service itself, not a provisioned one. */
    static ObjectNode meta(String resourceType, String location) {
        ObjectNode meta = NODES.objectNode();
        meta.put("resourceType", resourceType);
        meta.put("location", location);
        return meta;
    }
}
