package app.scimconsole.service;

import app.scimconsole.directory.Directory.GroupRef;
import app.scimconsole.directory.Directory.Member;
import app.scimconsole.directory.Directory.StoredResource;
import app.scimconsole.scim.ResourceSchema;
import app.scimconsole.scim.ResourceType;
import app.scimconsole.scim.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/** Turns a stored user or group into its SCIM representation: schemas, id, attributes, groups/members, meta. */
public final class ResourceRenderer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String tenantBaseUrl;

    public ResourceRenderer(String tenantBaseUrl) {
        this.tenantBaseUrl = tenantBaseUrl;
    }

    public String location(ResourceType type, String id) {
        return tenantBaseUrl + type.endpoint() + "/" + id;
    }

    public static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    public ObjectNode render(StoredResource r, boolean withMembers) {
        ObjectNode out = NODES.objectNode();
        ArrayNode schemas = out.putArray("schemas").add(r.type().core().id());
        for (ResourceSchema ext : r.type().extensions()) {
            if (r.doc().has(ext.id())) {
                schemas.add(ext.id());
            }
        }
        out.put("id", r.id());
        Iterator<Map.Entry<String, JsonNode>> fields = r.doc().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().equals(Schemas.ENTERPRISE_URN) && f.getValue().isObject()) {
                out.set(f.getKey(), withManagerRef((ObjectNode) f.getValue()));
            } else if (!f.getKey().equals("schemas")) {
                out.set(f.getKey(), f.getValue());
            }
        }
        if (r.type() == ResourceType.USER && !r.groups().isEmpty()) {
            ArrayNode groups = out.putArray("groups");
            for (GroupRef g : r.groups()) {
                ObjectNode e = groups.addObject().put("value", g.value())
                        .put("$ref", location(ResourceType.GROUP, g.value()));
                if (g.display() != null) {
                    e.put("display", g.display());
                }
                e.put("type", "direct");
            }
        }
        if (r.type() == ResourceType.GROUP && withMembers) {
            ArrayNode members = out.putArray("members");
            for (Member m : r.members()) {
                ObjectNode e = members.addObject().put("value", m.value())
                        .put("$ref", location(ResourceType.USER, m.value()));
                if (m.display() != null) {
                    e.put("display", m.display());
                }
                e.put("type", m.type() == null ? "User" : m.type());
            }
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", r.type().resourceName());
        meta.put("created", time(r.created()));
        meta.put("lastModified", time(r.lastModified()));
        meta.put("location", location(r.type(), r.id()));
        meta.put("version", etag(r.version()));
        return out;
    }

    /**
     * The enterprise extension with the manager's {@code $ref} made from its {@code value} (RFC 7643 §4.3), as each
     * member's {@code $ref} is; a copy, so the stored document is never touched.
     */
    private ObjectNode withManagerRef(ObjectNode enterprise) {
        JsonNode manager = enterprise.get("manager");
        JsonNode id = manager == null ? null : manager.get("value");
        if (id == null || !id.isTextual()) {
            return enterprise;
        }
        ObjectNode copy = enterprise.deepCopy();
        ((ObjectNode) copy.get("manager")).put("$ref", location(ResourceType.USER, id.textValue()));
        return copy;
    }

    public static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
