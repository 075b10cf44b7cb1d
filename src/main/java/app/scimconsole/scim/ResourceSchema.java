package app.scimconsole.scim;

import java.util.List;

/** A schema (core or extension): its URN, name, description and attributes, looked up case-insensitively. */
public record ResourceSchema(String id, String name, String description, List<AttributeDef> attributes) {

    public ResourceSchema {
        attributes = List.copyOf(attributes);
    }

    /** The attribute called {@code attrName} in this schema (any case), or null. */
    public AttributeDef attribute(String attrName) {
        for (AttributeDef a : attributes) {
            if (a.name().equalsIgnoreCase(attrName)) {
                return a;
            }
        }
        return null;
    }
}
