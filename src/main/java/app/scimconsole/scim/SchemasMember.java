package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code schemas} member that every SCIM resource and message carries (RFC 7643 §3, RFC 7644 §3.5.2): a list
 * of schema URIs, compared in any case because Entra and other clients vary the spelling of the URN prefix.
 */
final class SchemasMember {

    private SchemasMember() {
    }

    /** Whether {@code schemas} is a JSON list of strings. */
    static boolean isList(JsonNode schemas) {
        if (schemas == null || !schemas.isArray()) {
            return false;
        }
        for (JsonNode urn : schemas) {
            if (!urn.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code schemas} is a list of strings that names {@code urn}. */
    static boolean names(JsonNode schemas, String urn) {
        if (!isList(schemas)) {
            return false;
        }
        for (JsonNode named : schemas) {
            if (named.textValue().trim().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }
}
