package app.scimconsole.scim;

/**
 * A PATCH target as RFC 7644 §3.5.2 defines it: {@code attrPath} or
 * {@code valuePath [ "." subAttr ]}. When {@code valueFilter} is set, {@code attr} has no sub-attribute
 * and {@code sub} names the sub-attribute after the bracket (may be null).
 */
public record PatchPath(AttrPath attr, Filter valueFilter, String sub) {

    public static PatchPath of(AttrPath attr) {
        return new PatchPath(attr, null, null);
    }

    public boolean hasFilter() {
        return valueFilter != null;
    }

    @Override
    public String toString() {
        if (valueFilter == null) {
            return attr.toString();
        }
        return attr + "[" + FilterPrinter.print(valueFilter) + "]" + (sub == null ? "" : "." + sub);
    }
}
