package app.scimconsole.scim;

import java.util.List;

/** One attribute of a SCIM schema (RFC 7643 §7), with its characteristics. */
public record AttributeDef(
        String name,
        Type type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<AttributeDef> subAttributes,
        List<String> canonicalValues,
        List<String> referenceTypes) {

    public AttributeDef {
        subAttributes = List.copyOf(subAttributes);
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
    }

    public enum Type {
        STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"),
        DATE_TIME("dateTime"), REFERENCE("reference"), COMPLEX("complex"), BINARY("binary");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public enum Mutability {
        READ_ONLY("readOnly"), READ_WRITE("readWrite"), IMMUTABLE("immutable"), WRITE_ONLY("writeOnly");

        private final String wire;

        Mutability(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public enum Returned {
        ALWAYS("always"), NEVER("never"), DEFAULT("default"), REQUEST("request");

        private final String wire;

        Returned(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public enum Uniqueness {
        NONE("none"), SERVER("server"), GLOBAL("global");

        private final String wire;

        Uniqueness(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public boolean isComplex() {
        return type == Type.COMPLEX;
    }

    /** Sub-attribute by name, case-insensitively; null when there is none. */
    public AttributeDef sub(String subName) {
        for (AttributeDef s : subAttributes) {
            if (s.name.equalsIgnoreCase(subName)) {
                return s;
            }
        }
        return null;
    }
}
