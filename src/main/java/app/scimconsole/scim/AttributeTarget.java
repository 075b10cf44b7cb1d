package app.scimconsole.scim;

import app.scimconsole.scim.AttributeDef.Mutability;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a path lands in a stored document: the attribute (and optional value filter and sub-attribute)
 * plus the object that holds it -- the document itself for core and common attributes, the object under
 * the extension URN for extension attributes. The one place paths are resolved for writing.
 */
record AttributeTarget(ResourceSchema schema, AttributeDef attribute, Filter filter, AttributeDef sub,
        boolean inExtension) {

    static AttributeTarget of(ResourceType type, AttrPath path) {
        return of(type, PatchPath.of(path));
    }

    /** Resolves {@code path} against {@code type}; unknown names and misplaced filters are {@code invalidPath}. */
    static AttributeTarget of(ResourceType type, PatchPath path) {
        ResourceType.Resolved r = type.resolve(path.attr(), false);
        if (!path.hasFilter()) {
            return new AttributeTarget(r.schema(), r.attribute(), null, r.subAttribute(), r.inExtension());
        }
        AttributeDef attr = r.attribute();
        if (!attr.multiValued() || !attr.isComplex()) {
            throw new ScimException(ScimProblem.VALUE_FILTER_ON_SINGLE_VALUE, attr.name());
        }
        ElementFilter.validate(attr, path.valueFilter());
        AttributeDef sub = null;
        if (path.sub() != null) {
            sub = attr.sub(path.sub());
            if (sub == null) {
                throw new ScimException(ScimProblem.UNKNOWN_SUB_ATTRIBUTE, path.sub(), attr.name());
            }
        }
        return new AttributeTarget(r.schema(), attr, path.valueFilter(), sub, r.inExtension());
    }

    /** The path's canonical spelling, for error messages. */
    String label() {
        return sub == null ? attribute.name() : attribute.name() + "." + sub.name();
    }

    /** {@code id}, {@code meta}, {@code groups} and read-only sub-attributes cannot be written by a client. */
    void requireWritable() {
        if (attribute.mutability() == Mutability.READ_ONLY
                || (sub != null && sub.mutability() == Mutability.READ_ONLY)) {
            throw new ScimException(ScimProblem.READ_ONLY_ATTRIBUTE, label());
        }
    }

    /** A password is accepted but never kept: this service stores no credentials. */
    boolean isWriteOnly() {
        return attribute.mutability() == Mutability.WRITE_ONLY;
    }

    /**
     * The object holding the attribute. For an extension it is created on demand when {@code create} is
     * true; otherwise null means the extension has no data yet.
     */
    ObjectNode container(ObjectNode doc, boolean create) {
        if (!inExtension) {
            return doc;
        }
        JsonNode ext = doc.get(schema.id());
        if (ext instanceof ObjectNode o) {
            return o;
        }
        return create ? doc.putObject(schema.id()) : null;
    }
}
