package app.scimconsole.scim;

import static app.scimconsole.scim.ResourceNormalizerTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import app.scimconsole.testing.Gen;
import app.scimconsole.testing.Property;
import org.junit.jupiter.api.Test;

class PatchEnginePropertiesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String E = Schemas.ENTERPRISE_URN;
    private final PatchEngine engine = new PatchEngine();

    private static final ObjectNode USER = (ObjectNode) json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"joy@x.com","active":true,"displayName":"Joy","externalId":"j1",
             "name":{"givenName":"Joy","familyName":"Young"},
             "emails":[{"type":"work","value":"joy@x.com","primary":true},{"type":"home","value":"joy@home.com"}],
             "phoneNumbers":[{"type":"work","value":"+1 555"}],
             "addresses":[{"type":"work","locality":"Redmond"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","manager":{"value":"m1"}}}""");
    private static final ObjectNode GROUP = (ObjectNode) json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales","externalId":"g1"}""");

    private static final List<String> PATHS = List.of("userName", "displayName", "active", "nickName", "title",
            "externalId", "name", "name.givenName", "NAME.FamilyName", "emails", "emails.value",
            "emails[type eq \"work\"].value", "emails[type eq \"work\"].primary", "emails[type eq \"home\"]",
            "emails[value co \"@\"]", "phoneNumbers[type eq \"mobile\"].value", "addresses[type eq \"work\"].locality",
            "addresses", "manager", E + ":manager", E + ":department", E + ":employeeNumber", "members",
            "members[value eq \"u1\"]", "members.value", "id", "meta", "groups", "password", "shoeSize", "emails[",
            "x[y eq 1]", "emails[type eq \"work\"", "urn:unknown:2.0:User:x", "");
    private static final List<String> KEYS = List.of("Operations", "operations", "op", "path", "value", "schemas",
            "userName", "emails", "members", "name", "name.givenName", "givenName", "active", "primary", "type",
            "$ref", "id", "manager", E, E + ":manager", "displayName", "department");

    private static ObjectNode docFor(ResourceType type) {
        return type == ResourceType.USER ? USER : GROUP;
    }

    // ---- generators -------------------------------------------------------------------------

    private static JsonNode anyJson(Random r) {
        return jsonTree(r, 3);
    }

    private static JsonNode jsonTree(Random r, int depth) {
        if (depth == 0) {
            return leaf(r);
        }
        return Gen.weighted(r, new int[] {3, 1, 2},
                () -> leaf(r),
                () -> array(Gen.listOf(r, 4, x -> jsonTree(x, depth - 1))),
                () -> {
                    ObjectNode o = NODES.objectNode();
                    int n = r.nextInt(5);
                    for (int i = 0; i < n; i++) {
                        String key = r.nextBoolean() ? Gen.oneOf(r, KEYS) : Gen.anyString(r, 8);
                        o.set(key, jsonTree(r, depth - 1));
                    }
                    return o;
                });
    }

    private static JsonNode leaf(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> NODES.textNode(Gen.oneOf(r, "add", "Add", "Replace", "remove", "copy", "True", "FALSE", "", "  ", "work", "u1"));
            case 1 -> NODES.textNode(Gen.oneOf(r, PATHS));
            case 2 -> NODES.textNode(Gen.anyString(r, 12));
            case 3 -> NODES.numberNode(r.nextInt());
            case 4 -> NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(20) - 10));
            case 5 -> NODES.booleanNode(r.nextBoolean());
            default -> NODES.nullNode();
        };
    }

    private static JsonNode patchShapedBody(Random r) {
        ObjectNode body = NODES.objectNode();
        body.putArray("schemas").add(Schemas.PATCH_OP_URN);
        body.set("Operations", array(Gen.listOf(r, 5, x -> {
            ObjectNode o = NODES.objectNode().put("op", Gen.oneOf(x, "add", "Add", "replace", "Replace", "remove", "Remove", "ADD", "move"));
            String path = Gen.orNull(x, 0.15, () -> Gen.oneOf(x, PATHS));
            if (path != null) {
                o.put("path", path);
            }
            JsonNode value = Gen.orNull(x, 0.1, () -> jsonTree(x, 2));
            if (value != null) {
                o.set("value", value);
            }
            return o;
        })));
        return body;
    }

    private static JsonNode anyBody(Random r) {
        return r.nextBoolean() ? patchShapedBody(r) : anyJson(r);
    }

    /** Not "emails[value co ...]": a replace may legitimately stop matching its own filter (then noTarget). */
    private static final List<String> STABLE_PATHS = PATHS.stream().filter(p -> !p.contains(" co ")).toList();

    private static ObjectNode replaceOperation(Random r) {
        JsonNode value = r.nextBoolean()
                ? NODES.textNode(Gen.oneOf(r, "Joy", "True", "false", "", "m2", "a@b.c"))
                : json(Gen.oneOf(r, "{\"givenName\":\"A\",\"familyName\":\"B\"}", "[{\"value\":\"a@x\",\"primary\":true}]",
                        "[{\"value\":\"a@x\"},{\"value\":\"b@x\",\"type\":\"work\"}]", "{\"value\":\"m3\"}", "true",
                        "null", "[\"m4\"]", "{\"displayName\":\"D\",\"name.givenName\":\"G\"}"));
        ObjectNode op = NODES.objectNode().put("op", "replace");
        String path = Gen.orNull(r, 0.2, () -> Gen.oneOf(r, STABLE_PATHS));
        if (path != null) {
            op.put("path", path);
        }
        op.set("value", value);
        return op;
    }

    /** Any JSON, most objects naming the type's core schema, so the rules past the schemas check are reached. */
    private static Sample<JsonNode, ResourceType> anyResourceBody(Random r) {
        ResourceType type = anyType(r);
        JsonNode body = anyJson(r);
        if (body instanceof ObjectNode o && r.nextInt(4) != 0) {
            o.putArray("schemas").add(type.core().id());
        }
        return new Sample<>(body, type);
    }

    private static ResourceType anyType(Random r) {
        return Gen.oneOf(r, ResourceType.values());
    }

    private record Sample<A, B>(A first, B second) {
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode a = NODES.arrayNode();
        a.addAll(items);
        return a;
    }

    private static JsonNode request(JsonNode... ops) {
        ObjectNode body = NODES.objectNode();
        body.putArray("schemas").add(Schemas.PATCH_OP_URN);
        body.set("Operations", array(List.of(ops)));
        return body;
    }

    // ---- properties -------------------------------------------------------------------------

    @Test
    void anyBodyGivesAResultOrA400() {
        Property.forAll(600, r -> new Sample<>(anyBody(r), anyType(r)), s -> {
            try {
                PatchResult r = engine.apply(s.second(), docFor(s.second()), s.first());
                assertThat(r.doc()).isNotNull();
            } catch (ScimException e) {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.scimType()).isNotNull();
                assertThat(e.detail()).isNotBlank();
            }
        });
    }

    @Test
    void anyBodyNormalizesOrGivesA400() {
        Property.forAll(400, PatchEnginePropertiesTest::anyResourceBody, s -> {
            try {
                assertThat(new ResourceNormalizer().normalize(s.second(), s.first()).doc()).isNotNull();
            } catch (ScimException e) {
                assertThat(e.status()).isEqualTo(400);
            }
        });
    }

    @Test
    void theEngineNeverMutatesItsInput() {
        Property.forAll(400, r -> new Sample<>(patchShapedBody(r), anyType(r)), s -> {
            ResourceType type = s.second();
            ObjectNode current = docFor(type).deepCopy();
            JsonNode bodyCopy = s.first().deepCopy();
            try {
                PatchResult r = engine.apply(type, current, s.first());
                assertThat(r.doc()).isNotSameAs(current);
            } catch (ScimException expected) {
                // a rejected request must leave the input just as untouched
            }
            assertThat(current).isEqualTo(docFor(type));
            assertThat(s.first()).isEqualTo(bodyCopy);
        });
    }

    @Test
    void aFailingOperationLeavesNoChange() {
        Property.forAll(300, r -> new Sample<>(replaceOperation(r), replaceOperation(r)), s -> {
            ObjectNode current = USER.deepCopy();
            JsonNode failing = json("{\"op\":\"remove\",\"path\":\"userName\"}");
            assertThatThrownBy(() -> engine.apply(ResourceType.USER, current, request(s.first(), s.second(), failing)))
                    .isInstanceOf(ScimException.class);
            assertThat(current).isEqualTo(USER);
        });
    }

    @Test
    void replacingTwiceEqualsReplacingOnce() {
        Property.forAll(400, PatchEnginePropertiesTest::replaceOperation, op -> {
            PatchResult once;
            try {
                once = engine.apply(ResourceType.USER, USER, request(op));
            } catch (ScimException rejected) {
                return; // only accepted replaces are idempotence candidates
            }
            PatchResult twice = engine.apply(ResourceType.USER, once.doc(), request(op));
            assertThat(twice.doc()).isEqualTo(once.doc());
            assertThat(twice.changed()).isFalse();
        });
    }

    @Test
    void unchangedMeansEqual() {
        Property.forAll(200, PatchEnginePropertiesTest::patchShapedBody, body -> {
            try {
                PatchResult r = engine.apply(ResourceType.USER, USER, body);
                assertThat(r.changed()).isEqualTo(!r.doc().equals(USER));
            } catch (ScimException rejected) {
                // nothing to compare
            }
        });
    }
}
