package app.scimconsole.service;

import app.scimconsole.directory.Directory.Change;
import app.scimconsole.directory.Directory.Member;
import app.scimconsole.directory.Directory.MemberDiff;
import app.scimconsole.scim.Schemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a write changed, attribute by attribute, for the attribute history: each changed value with its old and new
 * text, sub-attributes by dotted name ({@code name.givenName}), the enterprise extension's by their own names
 * ({@code department}, {@code manager.value}), a multi-valued attribute as its JSON. A group's membership is told
 * member by member under {@value #MEMBERS}.
 */
final class AttributeChanges {
    static final String MEMBERS = "members";
    /**
     * Never recorded: a password is a secret, whatever Entra sends; the others are bookkeeping, not attributes the
     * owner follows ({@code members} is told member by member instead).
     */
    private static final Set<String> SKIPPED = Set.of("schemas", "id", "meta", "password", MEMBERS, "groups");

    private AttributeChanges() {
    }

    /** The attributes whose value differs between {@code before} (null: a create) and {@code after} (null: a delete). */
    static List<Change> between(ObjectNode before, ObjectNode after) {
        Map<String, JsonNode> old = new LinkedHashMap<>();
        Map<String, JsonNode> now = new LinkedHashMap<>();
        flatten("", before, old);
        flatten("", after, now);
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            JsonNode o = old.get(name);
            JsonNode n = now.get(name);
            if (!Objects.equals(o, n)) {
                changes.add(new Change(name, text(o), text(n)));
            }
        }
        return changes;
    }

    private static void flatten(String prefix, ObjectNode node, Map<String, JsonNode> into) {
        if (node == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            if (prefix.isEmpty() && SKIPPED.contains(name) || f.getValue().isNull()) {
                continue;
            }
            if (prefix.isEmpty() && name.equals(Schemas.ENTERPRISE_URN) && f.getValue() instanceof ObjectNode ext) {
                flatten("", ext, into);
            } else if (f.getValue() instanceof ObjectNode sub) {
                flatten(prefix + name + ".", sub, into);
            } else {
                into.put(prefix + name, f.getValue());
            }
        }
    }

    private static String text(JsonNode v) {
        return v == null ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    /** Who joined and who left between two lists of members (a created group's: from none), by id. */
    static List<Change> members(List<Member> before, List<Member> after) {
        if ((before == null || before.isEmpty()) && (after == null || after.isEmpty())) {
            return List.of(); // every user's create and most writes: no sets, no streams (issue 21)
        }
        Set<String> old = ids(before);
        Set<String> now = ids(after);
        List<Change> changes = new ArrayList<>();
        for (String id : old) {
            if (!now.contains(id)) {
                changes.add(new Change(MEMBERS, id, null));
            }
        }
        for (String id : now) {
            if (!old.contains(id)) {
                changes.add(new Change(MEMBERS, null, id));
            }
        }
        return changes;
    }

    private static Set<String> ids(List<Member> members) {
        Set<String> ids = new LinkedHashSet<>();
        if (members != null) {
            members.forEach(m -> ids.add(m.value()));
        }
        return ids;
    }

    /** The membership an update really changed: who joined and who left, by id. */
    static List<Change> members(MemberDiff diff) {
        List<Change> changes = new ArrayList<>();
        diff.added().forEach(id -> changes.add(new Change(MEMBERS, null, id)));
        diff.removed().forEach(id -> changes.add(new Change(MEMBERS, id, null)));
        return changes;
    }
}
