package app.scimconsole.scim;

import java.util.Locale;

/**
 * An attribute reference: {@code [urn:]name[.sub]}. The URN is null for core attributes written
 * without one. Names keep the client's spelling; compare through {@link #key()}, which is
 * case-insensitive as RFC 7643 §2.1 requires.
 */
public record AttrPath(String urn, String name, String sub) {

    public AttrPath {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("attribute name is required");
        }
    }

    public static AttrPath of(String name) {
        return new AttrPath(null, name, null);
    }

    public static AttrPath of(String name, String sub) {
        return new AttrPath(null, name, sub);
    }

    public AttrPath withSub(String newSub) {
        return new AttrPath(urn, name, newSub);
    }

    public AttrPath withoutSub() {
        return sub == null ? this : new AttrPath(urn, name, null);
    }

    /** Lower-case {@code name} or {@code name.sub}, without the URN. */
    public String key() {
        String n = name.toLowerCase(Locale.ROOT);
        return sub == null ? n : n + "." + sub.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (urn != null) {
            b.append(urn).append(':');
        }
        b.append(name);
        if (sub != null) {
            b.append('.').append(sub);
        }
        return b.toString();
    }
}
