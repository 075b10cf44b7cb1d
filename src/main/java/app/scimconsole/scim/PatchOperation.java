package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One PATCH operation (RFC 7644 §3.5.2) after its shape was checked: the kind, the parsed target
 * ({@code null} for a path-less add/replace) and the value exactly as the client sent it (may be null).
 */
public record PatchOperation(Kind kind, PatchPath path, JsonNode value) {

    public enum Kind {
        ADD, REPLACE, REMOVE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
