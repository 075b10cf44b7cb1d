package app.scimconsole.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A short description of a PATCH for the activity log: which operations on which attributes
 * ("replace active=false; add members (3)"). Values are shown only for {@code active}, the one an owner
 * looks for; everything else is named, not copied.
 */
public final class PatchSummary {
    private static final int MAX_PARTS = 8;

    private PatchSummary() {
    }

    public static String of(JsonNode body) {
        JsonNode ops = null;
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equalsIgnoreCase("Operations")) {
                ops = body.get(f);
            }
        }
        if (ops == null || !ops.isArray()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode op : ops) {
            if (parts.size() == MAX_PARTS) {
                parts.add("...");
                break;
            }
            String verb = op.path("op").asText("?").toLowerCase(Locale.ROOT);
            String path = op.path("path").asText("");
            JsonNode value = op.get("value");
            if (path.isEmpty() && value != null && value.isObject()) {
                List<String> keys = new ArrayList<>();
                value.fieldNames().forEachRemaining(keys::add);
                parts.add(verb + " " + String.join(", ", keys));
            } else if (path.equalsIgnoreCase("active") && value != null) {
                parts.add(verb + " active=" + value.asText().toLowerCase(Locale.ROOT));
            } else if (value != null && value.isArray()) {
                parts.add(verb + " " + path + " (" + value.size() + ")");
            } else {
                parts.add(verb + " " + path);
            }
        }
        return String.join("; ", parts);
    }
}
