package app.scimconsole.scim;

import java.util.List;
import java.util.Locale;

/**
 * A resource type (RFC 7643 §6): its core schema and extensions. {@link #resolve} maps any attribute
 * path a client writes -- with or without URN, in any case -- to the schema and definition it denotes.
 */
public enum ResourceType {
    USER("User", "/Users", "User Account", Schemas.USER, List.of(Schemas.ENTERPRISE_USER)),
    GROUP("Group", "/Groups", "Group", Schemas.GROUP, List.of());

    private final String resourceName;
    private final String endpoint;
    private final String description;
    private final ResourceSchema core;
    private final List<ResourceSchema> extensions;

    ResourceType(String resourceName, String endpoint, String description, ResourceSchema core,
            List<ResourceSchema> extensions) {
        this.resourceName = resourceName;
        this.endpoint = endpoint;
        this.description = description;
        this.core = core;
        this.extensions = extensions;
    }

    public String resourceName() {
        return resourceName;
    }

    public String endpoint() {
        return endpoint;
    }

    public String description() {
        return description;
    }

    public ResourceSchema core() {
        return core;
    }

    public List<ResourceSchema> extensions() {
        return extensions;
    }

    /** The extension with this URN (any case), or null. */
    public ResourceSchema extension(String urn) {
        for (ResourceSchema s : extensions) {
            if (s.id().equalsIgnoreCase(urn)) {
                return s;
            }
        }
        return null;
    }

    /** Where a path leads: the schema (null for the common id/externalId/meta), attribute and sub-attribute. */
    public record Resolved(ResourceSchema schema, AttributeDef attribute, AttributeDef subAttribute) {
        public boolean inExtension() {
            return schema != null && !schema.id().equals(Schemas.USER_URN) && !schema.id().equals(Schemas.GROUP_URN);
        }

        /** The definition the path ends at: the sub-attribute when there is one. */
        public AttributeDef target() {
            return subAttribute != null ? subAttribute : attribute;
        }
    }

    /**
     * Resolves {@code path}; throws {@code invalidFilter} or {@code invalidPath} (as {@code forFilter}
     * says) when the attribute or sub-attribute does not exist or the URN is not one of this type's.
     */
    public Resolved resolve(AttrPath path, boolean forFilter) {
        ResourceSchema schema;
        AttributeDef def = null;
        if (path.urn() == null || path.urn().equalsIgnoreCase(core.id())) {
            schema = core;
            def = core.attribute(path.name());
            if (def == null && path.urn() == null) {
                for (AttributeDef c : Schemas.COMMON) {
                    if (c.name().equalsIgnoreCase(path.name())) {
                        schema = null;
                        def = c;
                    }
                }
                // Entra filters on "manager" without the enterprise URN; an unqualified name that only
                // an extension defines is taken from there.
                for (int i = 0; def == null && i < extensions.size(); i++) {
                    schema = extensions.get(i);
                    def = schema.attribute(path.name());
                }
            }
        } else {
            schema = extension(path.urn());
            if (schema == null) {
                throw unknown(forFilter, ScimProblem.UNKNOWN_SCHEMA, path.urn(), resourceName);
            }
            def = schema.attribute(path.name());
        }
        if (def == null) {
            throw unknown(forFilter, ScimProblem.UNKNOWN_ATTRIBUTE, path.name(), resourceName);
        }
        AttributeDef sub = null;
        if (path.sub() != null) {
            sub = def.sub(path.sub());
            if (sub == null) {
                throw unknown(forFilter, ScimProblem.UNKNOWN_SUB_ATTRIBUTE, path.sub(), def.name());
            }
        }
        return new Resolved(schema, def, sub);
    }

    private static ScimException unknown(boolean forFilter, ScimProblem problem, String name, String where) {
        return new ScimException(forFilter ? ScimType.INVALID_FILTER : ScimType.INVALID_PATH, problem, name, where);
    }

    public static ResourceType fromEndpoint(String segment) {
        for (ResourceType t : values()) {
            if (t.endpoint.substring(1).equalsIgnoreCase(segment)) {
                return t;
            }
        }
        return null;
    }

    public String lowerName() {
        return resourceName.toLowerCase(Locale.ROOT);
    }
}
