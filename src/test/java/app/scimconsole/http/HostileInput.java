package app.scimconsole.http;

import app.scimconsole.testing.Gen;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** Generators of what a hostile or broken client sends: SCIM-shaped JSON, filters and PATCH documents, some valid. */
final class HostileInput {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static final List<String> KEYS = List.of("schemas", "userName", "displayName", "active", "emails", "value", "type",
            "primary", "name", "givenName", "familyName", "formatted", "members", "groups", "externalId", "id", "meta",
            "title", "phoneNumbers", "addresses", "manager", "password", "Operations", "op", "path", ENTERPRISE,
            ENTERPRISE + ":department", "department", "urn:ietf:params:scim:schemas:core:2.0:User", "$ref", "", "\u0000");

    static final List<String> PATHS = List.of("userName", "displayName", "active", "title", "emails", "emails.value",
            "emails[type eq \"work\"].value", "emails[type eq \"work\"]", "emails[primary eq true].value", "name.givenName",
            "name", "members", "members[value eq \"x\"]", "members[value eq \"x\"].value", "manager", ENTERPRISE + ":manager",
            ENTERPRISE + ":department", ENTERPRISE, "urn:ietf:params:scim:schemas:core:2.0:User:userName", "externalId",
            "id", "meta.created", "groups", "phoneNumbers[type eq \"mobile\"].value", "addresses[type eq \"work\"].locality",
            "emails[", "emails[type eq]", "a.b.c.d", "urn:", "[]", ".", "members[value eq \"x\" or value eq \"y\"]");

    static final List<String> OPERATORS = List.of("eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "EQ", "Eq", "=",
            "like", "pr");

    private HostileInput() {
    }

    static String text(Random r) {
        return Gen.weighted(r, new int[] {4, 2, 2, 1, 1},
                () -> Gen.anyString(r, 12),
                () -> Gen.string(r, "abc@.testuser.com", 24),
                () -> Gen.oneOf(r, "True", "False", "", "null", "0", "-1", "1e999", "x@testuser.com", "Ann"),
                () -> Gen.string(r, "\\\"'[](){}.:,%+ ", 10),
                () -> "a".repeat(r.nextInt(5000)));
    }

    static JsonNode scalar(Random r) {
        return Gen.weighted(r, new int[] {1, 1, 1, 1, 1, 4},
                () -> NODES.nullNode(),
                () -> NODES.booleanNode(r.nextBoolean()),
                () -> NODES.numberNode(r.nextLong()),
                () -> NODES.numberNode(r.nextInt(10) - 3),
                () -> NODES.numberNode(r.nextDouble() * 1e12),
                () -> NODES.textNode(text(r)));
    }

    static JsonNode json(Random r, int depth) {
        if (depth <= 0 || r.nextInt(3) == 0) {
            return scalar(r);
        }
        if (r.nextInt(3) == 0) {
            ArrayNode a = NODES.arrayNode();
            for (int i = r.nextInt(4); i > 0; i--) {
                a.add(json(r, depth - 1));
            }
            return a;
        }
        return object(r, depth);
    }

    static ObjectNode object(Random r, int depth) {
        ObjectNode o = NODES.objectNode();
        for (int i = r.nextInt(6); i > 0; i--) {
            String key = r.nextInt(4) == 0 ? Gen.anyString(r, 8) : Gen.oneOf(r, KEYS);
            o.set(key, json(r, depth - 1));
        }
        return o;
    }

    /** A User- or Group-shaped body: often nearly right, since near misses reach the deepest code. */
    static String resource(Random r) {
        return Gen.weighted(r, new int[] {6, 1, 1, 1},
                () -> {
                    ObjectNode o = object(r, 4);
                    if (r.nextInt(4) > 0) { // mostly past the schemas check, so the rules after it are reached
                        o.putArray("schemas").add(Gen.oneOf(r, "urn:ietf:params:scim:schemas:core:2.0:User",
                                "urn:ietf:params:scim:schemas:core:2.0:Group"));
                    }
                    if (r.nextBoolean()) {
                        o.put("userName", Gen.oneOf(r, "u" + r.nextInt(1000) + "@testuser.com", text(r)));
                    }
                    if (r.nextBoolean()) {
                        o.put("displayName", text(r));
                    }
                    return o.toString();
                },
                () -> json(r, 5).toString(),
                () -> "[".repeat(30 + r.nextInt(100)) + "]".repeat(r.nextInt(130)),
                () -> "{\"a\":".repeat(30 + r.nextInt(100)) + "1" + "}".repeat(r.nextInt(130)));
    }

    static String attrPath(Random r) {
        return r.nextInt(8) == 0 ? Gen.string(r, "abcxyz.:[]\"", 12) : Gen.oneOf(r, PATHS);
    }

    static String filterValue(Random r) {
        return Gen.weighted(r, new int[] {4, 1, 1, 1, 1},
                () -> "\"" + text(r).replace("\\", "\\\\").replace("\"", r.nextBoolean() ? "\\\"" : "\"") + "\"",
                () -> Gen.oneOf(r, "true", "false", "null"),
                () -> Integer.toString(r.nextInt()),
                () -> "\"2024-0" + r.nextInt(10) + "-01T00:00:00Z\"",
                () -> Gen.string(r, "abc123.-", 6));
    }

    static String filter(Random r, int depth) {
        if (depth <= 0 || r.nextInt(3) == 0) {
            String op = Gen.oneOf(r, OPERATORS);
            return attrPath(r) + " " + op + (op.equals("pr") ? "" : " " + filterValue(r));
        }
        return switch (r.nextInt(5)) {
            case 0 -> filter(r, depth - 1) + Gen.oneOf(r, " and ", " or ", " AND ", " Or ", " xor ") + filter(r, depth - 1);
            case 1 -> "not (" + filter(r, depth - 1) + ")";
            case 2 -> "(" + filter(r, depth - 1) + ")";
            case 3 -> Gen.oneOf(r, "emails", "members", "addresses") + "[" + filter(r, depth - 1) + "]";
            default -> "(".repeat(r.nextInt(60)) + filter(r, 0) + ")".repeat(r.nextInt(60));
        };
    }

    /** A filter, sometimes with a character deleted or inserted so that it is just barely wrong. */
    static String mutatedFilter(Random r) {
        StringBuilder f = new StringBuilder(filter(r, 4));
        for (int i = r.nextInt(3); i > 0 && f.length() > 0; i--) {
            int at = r.nextInt(f.length());
            if (r.nextBoolean()) {
                f.deleteCharAt(at);
            } else {
                f.insert(at, Gen.oneOf(r, "(", ")", "[", "]", "\"", "\\", " ", "and", "not", "\u0000", "é"));
            }
        }
        return f.toString();
    }

    static String patch(Random r) {
        ObjectNode doc = NODES.objectNode();
        if (r.nextInt(4) > 0) {
            doc.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
        }
        if (r.nextInt(10) == 0) {
            doc.set(Gen.oneOf(r, "Operations", "operations"), json(r, 2));
            return doc.toString();
        }
        ArrayNode ops = doc.putArray(r.nextInt(8) == 0 ? "operations" : "Operations");
        for (int i = r.nextInt(5); i >= 0; i--) {
            ObjectNode op = ops.addObject();
            op.set("op", r.nextInt(8) == 0 ? scalar(r)
                    : NODES.textNode(Gen.oneOf(r, "add", "Add", "replace", "Replace", "remove", "Remove", "REMOVE", "move")));
            if (r.nextInt(4) > 0) {
                op.put("path", r.nextInt(4) == 0 ? mutatedFilter(r) : attrPath(r));
            }
            if (r.nextInt(5) > 0) {
                op.set("value", r.nextBoolean() ? object(r, 3) : json(r, 3));
            }
        }
        return doc.toString();
    }
}
