package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only discovery documents of one tenant (RFC 7643 §5–7, RFC 7644 §4): /ServiceProviderConfig,
 * /ResourceTypes and /Schemas. They are derived from {@link ResourceType} and {@link Schemas}, so what
 * is advertised cannot drift from what the parser and the PATCH engine enforce.
 */
public final class Discovery {
    private static final String BEARER_SPEC = "https://www.rfc-editor.org/info/rfc6750";

    private final String baseUrl;

    /** {@code baseUrl} is the tenant's absolute SCIM base, such as {@code https://host/scim/v2/t1}. */
    public Discovery(String baseUrl) {
        if (baseUrl == null || !baseUrl.matches("(?i)https?://.+")) {
            throw new IllegalArgumentException("the SCIM base URL must be absolute: " + baseUrl);
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public ObjectNode serviceProviderConfig() {
        ObjectNode c = ScimJson.message(Schemas.SERVICE_PROVIDER_CONFIG_URN);
        c.set("patch", supported(true));
        c.set("bulk", supported(false).put("maxOperations", 0).put("maxPayloadSize", 0));
        c.set("filter", supported(true).put("maxResults", ListResponses.MAX_RESULTS));
        c.set("changePassword", supported(false));
        c.set("sort", supported(true));
        c.set("etag", supported(true));
        ObjectNode bearer = c.putArray("authenticationSchemes").addObject();
        bearer.put("type", "oauthbearertoken");
        bearer.put("name", "OAuth Bearer Token");
        bearer.put("description", "Authentication with the tenant's secret token, sent as "
                + "'Authorization: Bearer <token>'.");
        bearer.put("specUri", BEARER_SPEC);
        bearer.put("primary", true);
        c.set("meta", ScimJson.meta("ServiceProviderConfig", baseUrl + "/ServiceProviderConfig"));
        return c;
    }

    private static ObjectNode supported(boolean supported) {
        return ScimJson.NODES.objectNode().put("supported", supported);
    }

    public ObjectNode resourceTypes() {
        List<JsonNode> all = new ArrayList<>();
        for (ResourceType t : ResourceType.values()) {
            all.add(resourceType(t));
        }
        return ListResponses.of(all, all.size(), 1);
    }

    /** {@code GET /ResourceTypes/{id}}; 404 when no resource type has that id (any case). */
    public ObjectNode resourceType(String id) {
        for (ResourceType t : ResourceType.values()) {
            if (t.resourceName().equalsIgnoreCase(id)) {
                return resourceType(t);
            }
        }
        throw new ScimException(ScimProblem.NO_SUCH_RESOURCE_TYPE, id);
    }

    public ObjectNode resourceType(ResourceType t) {
        ObjectNode r = ScimJson.message(Schemas.RESOURCE_TYPE_URN);
        r.put("id", t.resourceName());
        r.put("name", t.resourceName());
        r.put("endpoint", t.endpoint());
        r.put("description", t.description());
        r.put("schema", t.core().id());
        if (!t.extensions().isEmpty()) {
            ArrayNode extensions = r.putArray("schemaExtensions");
            // Optional: a user without enterprise data is a complete user (Entra sends it only when mapped).
            t.extensions().forEach(e -> extensions.addObject().put("schema", e.id()).put("required", false));
        }
        r.set("meta", ScimJson.meta("ResourceType", baseUrl + "/ResourceTypes/" + t.resourceName()));
        return r;
    }

    public ObjectNode schemas() {
        List<JsonNode> all = new ArrayList<>();
        for (ResourceSchema s : Schemas.all()) {
            all.add(schema(s));
        }
        return ListResponses.of(all, all.size(), 1);
    }

    /** {@code GET /Schemas/{urn}}; 404 when no schema has that URN (any case). */
    public ObjectNode schema(String urn) {
        for (ResourceSchema s : Schemas.all()) {
            if (s.id().equalsIgnoreCase(urn)) {
                return schema(s);
            }
        }
        throw new ScimException(ScimProblem.NO_SUCH_SCHEMA, urn);
    }

    public ObjectNode schema(ResourceSchema s) {
        ObjectNode o = ScimJson.message(Schemas.SCHEMA_URN);
        o.put("id", s.id());
        o.put("name", s.name());
        o.put("description", s.description());
        o.set("attributes", attributes(s.attributes()));
        o.set("meta", ScimJson.meta("Schema", baseUrl + "/Schemas/" + s.id()));
        return o;
    }

    private static ArrayNode attributes(List<AttributeDef> defs) {
        ArrayNode a = ScimJson.NODES.arrayNode();
        defs.forEach(d -> a.add(attribute(d)));
        return a;
    }

    /** RFC 7643 §7: every characteristic is spelled out, even the defaults, as validators expect them. */
    private static ObjectNode attribute(AttributeDef d) {
        ObjectNode o = ScimJson.NODES.objectNode();
        o.put("name", d.name());
        o.put("type", d.type().wire());
        o.put("multiValued", d.multiValued());
        o.put("description", d.description());
        o.put("required", d.required());
        o.put("caseExact", d.caseExact());
        o.put("mutability", d.mutability().wire());
        o.put("returned", d.returned().wire());
        o.put("uniqueness", d.uniqueness().wire());
        if (d.isComplex()) {
            o.set("subAttributes", attributes(d.subAttributes()));
        }
        if (!d.canonicalValues().isEmpty()) {
            o.set("canonicalValues", ScimJson.strings(d.canonicalValues()));
        }
        if (!d.referenceTypes().isEmpty()) {
            o.set("referenceTypes", ScimJson.strings(d.referenceTypes()));
        }
        return o;
    }
}
