package app.scimconsole.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks JSON trees for properties that must hold everywhere in them. */
final class JsonTrees {
    private JsonTrees() {
    }

    /** JSON-pointer-like paths of every {@code null} in {@code node}. */
    static List<String> nullsIn(JsonNode node) {
        List<String> found = new ArrayList<>();
        collectNulls(node, "", found);
        return found;
    }

    private static void collectNulls(JsonNode node, String at, List<String> found) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            found.add(at.isEmpty() ? "/" : at);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collectNulls(e.getValue(), at + "/" + e.getKey(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNulls(node.get(i), at + "/" + i, found);
            }
        }
    }
}
